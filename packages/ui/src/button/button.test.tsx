import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './button';

afterEach(cleanup);

describe('Button', () => {
  it('is a button named by its content that fires onClick from mouse and keyboard', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(<Button onClick={onClick}>Send</Button>);
    const button = screen.getByRole('button', { name: 'Send' });
    await user.click(button);
    await user.tab();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onClick).toHaveBeenCalledTimes(3);
  });

  it('does not submit a form unless asked to', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((event: SubmitEvent) => event.preventDefault());
    render(
      <form onSubmit={(e) => onSubmit(e.nativeEvent as SubmitEvent)}>
        <Button>Show password</Button>
        <Button type="submit" variant="primary">
          Log in
        </Button>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks when disabled and keeps the caller class and variant', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(
      <Button variant="ghost" className="toolbar__item" disabled onClick={onClick}>
        Delete
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Delete' });
    await user.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(button.className.split(' ')).toEqual(['cb-button', 'cb-button--ghost', 'toolbar__item']);
  });

  it('forwards its ref to the DOM button', () => {
    let node: HTMLButtonElement | null = null;
    render(<Button ref={(el) => void (node = el)}>Focus me</Button>);
    expect(node).toBe(screen.getByRole('button', { name: 'Focus me' }));
  });
});
