import { useId } from 'react';
import { meetMessages } from '../messages';

const t = meetMessages.prejoin;

/** A list of cameras or microphones; the empty value is the browser's default device. */
export function DeviceSelect({
  label,
  devices,
  value,
  onChange,
}: {
  label: string;
  devices: readonly MediaDeviceInfo[];
  value: string | null;
  onChange: (deviceId: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="meet-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={devices.length === 0}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        {devices.length === 0 && <option value="">{t.noDevice}</option>}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId === 'default' ? '' : device.deviceId}>
            {device.label || t.deviceFallback(index + 1)}
          </option>
        ))}
      </select>
    </div>
  );
}
