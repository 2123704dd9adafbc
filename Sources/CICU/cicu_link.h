// Deliberately empty: this module exists to carry ICU's pkg-config flags and
// link lines to the shim. It must never include an ICU header, because on
// Linux Foundation ships its own ICU module and two definitions of ICU's types
// in one Swift compilation are an error.
#ifndef CICU_LINK_H
#define CICU_LINK_H
#endif
