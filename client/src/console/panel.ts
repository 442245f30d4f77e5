// What every console panel receives. A new panel is a component taking PanelProps, added to
// the layout in console-page.tsx; it acts only through `send` (one socket command at a time).
import type { Command } from '../../../shared/protocol.js';
import type { ConsoleView } from '../../../shared/views.js';
import type { AckOrTimeout } from '../net/emit.js';

export type SendCommand = (c: Command) => Promise<AckOrTimeout<object>>;

export interface PanelProps {
  view: ConsoleView;
  send: SendCommand;
  /** serverNow - Date.now(), for countdowns. */
  offset: number;
  /** The login session, for the HTTP API (Authorization: Bearer). */
  session: string;
}
