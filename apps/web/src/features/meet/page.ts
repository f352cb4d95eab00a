// The page of `/meet/:roomId`, loaded on demand by the router (app/meet-route.tsx): nothing of it,
// and none of livekit-client, is in the first screen's bundle.
export { MeetPage } from './components/meet-page';
export type { MeetPageProps } from './components/meet-page';
