// libFuzzer's driver, for fuzz targets with a main of their own
// (libclang_rt.fuzzer_no_main, linked by scripts/fuzz).
#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
