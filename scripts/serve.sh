#!/usr/bin/env bash
# npm run serve (and npm start, after its build): run the built server with the soft limit on
# open files raised to the hard limit. Every phone's socket is an open file, and so is each
# ballot box; at the usual soft limit of 1,024 a thousand idle sockets once left none for the
# ballot box. The server reads the limit it got and refuses to start if it is too low for the
# roster (server/limits/open-files.ts). Node raises the soft limit itself on Linux and macOS
# too; this keeps it explicit, and visible in the start output when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
hard="$(ulimit -Hn)"
if [ "$(ulimit -Sn)" != "$hard" ]; then
  # "unlimited" may be refused (the kernel caps at nr_open): then take what the kernel allows.
  ulimit -Sn "$hard" 2>/dev/null || ulimit -Sn "$(cat /proc/sys/fs/nr_open 2>/dev/null || echo 65536)" 2>/dev/null ||
    echo "open-file limit stays at $(ulimit -Sn) (could not raise it to $hard)" >&2
fi
# Below this Node cannot even load its modules (EMFILE, with a stack trace); the server's own
# check, which knows the roster, asks for 64 + 32 + 2 × roster + 100 (server/limits/open-files.ts).
min=196
soft="$(ulimit -Sn)"
if [ "$soft" != unlimited ] && [ "$soft" -lt "$min" ]; then
  echo "打开文件数上限过低：当前 $soft，至少需要 $min（另加名单人数的两倍）。" >&2
  echo "The open-file limit is too low: $soft, while the server needs at least $min (plus twice the roster)." >&2
  echo "Raise it: ulimit -n 4096 (or LimitNOFILE=4096 in a systemd unit)." >&2
  exit 1
fi
exec node --enable-source-maps dist/server/main.js "$@"
