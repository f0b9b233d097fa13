/* Test-only LD_PRELOAD shim for scripts/prove.sh's ASan+UBSan run of the Xvfb tests.
 * Mesa dlopen()s its DRI driver and dlclose()s it at glfwTerminate, before LeakSanitizer runs at
 * exit, so the driver's process-lifetime allocations show as "<unknown module>" and no
 * suppression can name them. A dlclose() that leaves every module mapped lets LeakSanitizer
 * name the driver (lsan.supp then suppresses it by name) while leaks of ours still fail.
 * Built without sanitizers: it is also preloaded into Xvfb and the shells around the kiosk. */
#include <stddef.h>

int dlclose(void *handle)
{
    (void)handle;
    return 0;
}
