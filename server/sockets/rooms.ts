// Socket.io room names that processes outside the core use too (a public edge's screens join
// the same room name as the core's): plain names, with nothing of the core behind them.
export const screenRoom = (meetingId: string) => `screens:${meetingId}`;
