// Intentionally empty: the driver is libFuzzer's; this target only declares it.
#include "fuzz_driver.h"
