// Exit statuses of gongshi-kiosk that mean something to the service manager.
#pragma once

namespace gongshi::kiosk {

// Staff's 重启程序 (restart the program): the kiosk exits with this status and systemd starts it
// again (packaging/gongshi-kiosk.service: SuccessExitStatus= and RestartForceExitStatus=, so the
// restart is neither counted as a failure nor refused). 75 is EX_TEMPFAIL of sysexits.h.
inline constexpr int kExitRestart = 75;

}  // namespace gongshi::kiosk
