// cicu: bgtext's C shim over ICU.
//
// This is the only public header of the shim, and it includes no ICU header.
// Every function has its own `cicu_` name and uses plain C types:
// - ICU's C names are macros over versioned symbols (`ubrk_open` is really
//   `ubrk_open_72`), which Swift cannot call portably across ICU 72, 74, 76;
// - on Linux, Foundation carries its own ICU module, so an ICU type in a
//   Swift-visible header breaks every client that also imports Foundation.
//
// Conventions: `int32_t *status` receives ICU's UErrorCode (0 is success,
// negative values are warnings and also success, positive values are errors).
// Strings are UTF-16 code units (`uint16_t`) unless named `utf8`.
#ifndef CICU_H
#define CICU_H

#include "cicu_common.h"
#include "cicu_translit.h"
#include "cicu_break.h"
#include "cicu_normalizer.h"
#include "cicu_converter.h"

#endif
