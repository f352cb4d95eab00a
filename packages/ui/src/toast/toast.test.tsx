import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Toast } from './toast';

afterEach(cleanup);

describe('Toast', () => {
  it('runs its action and then dismisses itself', async () => {
    const onAction = vi.fn();
    const onDismiss = vi.fn();
    render(
      <Toast message="3 messages archived" actionLabel="Undo" onAction={onAction} onDismiss={onDismiss} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is a status for information and an alert for errors', () => {
    render(<Toast message="Done" onDismiss={() => {}} />);
    expect(screen.getByRole('status')).toHaveProperty('textContent', expect.stringContaining('Done'));
    render(<Toast message="Failed" tone="error" onDismiss={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('Failed');
  });

  it('dismisses itself after its timeout', () => {
    vi.useFakeTimers();
    try {
      const onDismiss = vi.fn();
      render(<Toast message="Done" timeoutMs={1000} onDismiss={onDismiss} />);
      act(() => vi.advanceTimersByTime(999));
      expect(onDismiss).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(1));
      expect(onDismiss).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
