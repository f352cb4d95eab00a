import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

/** The side panel of the room: one at a time, or none. */
export type MeetPanel = 'chat' | 'participants' | 'lobby' | null;

/** UI state of the meetings feature (STYLE 19): the choices made before joining and the open panel. */
export interface MeetUiState {
  micMuted: boolean;
  cameraOff: boolean;
  /** Chosen devices (`MediaDeviceInfo.deviceId`); null for the browser's default. */
  cameraId: string | null;
  microphoneId: string | null;
  panel: MeetPanel;
  micMutedToggled: () => void;
  cameraOffToggled: () => void;
  cameraChosen: (deviceId: string | null) => void;
  microphoneChosen: (deviceId: string | null) => void;
  panelToggled: (panel: Exclude<MeetPanel, null>) => void;
  panelClosed: () => void;
}

export const useMeetUiStore = create<MeetUiState>()((set) => ({
  micMuted: false,
  cameraOff: false,
  cameraId: null,
  microphoneId: null,
  panel: null,
  micMutedToggled: () => set((state) => ({ micMuted: !state.micMuted })),
  cameraOffToggled: () => set((state) => ({ cameraOff: !state.cameraOff })),
  cameraChosen: (cameraId) => set({ cameraId }),
  microphoneChosen: (microphoneId) => set({ microphoneId }),
  panelToggled: (panel) => set((state) => ({ panel: state.panel === panel ? null : panel })),
  panelClosed: () => set({ panel: null }),
}));

/** The choices the pre-join screen made, for connecting. */
export interface JoinChoices {
  micMuted: boolean;
  cameraOff: boolean;
  cameraId: string | null;
  microphoneId: string | null;
}

export const useJoinChoices = (): JoinChoices =>
  useMeetUiStore(
    useShallow((state) => ({
      micMuted: state.micMuted,
      cameraOff: state.cameraOff,
      cameraId: state.cameraId,
      microphoneId: state.microphoneId,
    })),
  );
