#ifndef CICU_BREAK_H
#define CICU_BREAK_H

#include "cicu_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque ICU break iterator (UBreakIterator) with the text it is set on.
/// Not thread-safe: each thread opens or clones its own.
typedef struct cicu_break_iterator cicu_break_iterator;

/// ICU's UBRK_DONE.
#define CICU_BREAK_DONE (-1)

/// Break iterator kinds (UBreakIteratorType).
#define CICU_BREAK_CHARACTER 0
#define CICU_BREAK_WORD 1
#define CICU_BREAK_LINE 2
#define CICU_BREAK_SENTENCE 3

/// ubrk_open with no text. `locale` is an ICU locale ID such as "bg".
/// Opening "bg" reports U_USING_DEFAULT_WARNING (a warning: success).
cicu_break_iterator *cicu_break_open(int32_t kind, const char *locale, int32_t *status);

/// ubrk_clone (ubrk_safeClone before ICU 69 is not needed: 72 and later).
cicu_break_iterator *cicu_break_clone(const cicu_break_iterator *iterator, int32_t *status);

/// ubrk_close; NULL is allowed.
void cicu_break_close(cicu_break_iterator *iterator);

/// Sets UTF-16 text. The text must stay alive and unchanged while in use.
void cicu_break_set_utf16(cicu_break_iterator *iterator, const uint16_t *text,
                          int32_t length, int32_t *status);

/// Sets UTF-8 text through a UText (utext_openUTF8); offsets are then UTF-8
/// byte offsets. The bytes must stay alive and unchanged while in use.
void cicu_break_set_utf8(cicu_break_iterator *iterator, const char *text,
                         int64_t length, int32_t *status);

/// UTF-8 to UTF-16 for text that is known to be well-formed, such as a Swift
/// String (u_strFromUTF8Lenient: no validation, faster than u_strFromUTF8).
/// Returns the number of code units written; `capacity` must be at least
/// `length` (UTF-16 never needs more units than UTF-8 has bytes).
int32_t cicu_break_utf16_from_valid_utf8(uint16_t *destination, int32_t capacity,
                                         const char *source, int32_t length, int32_t *status);

int32_t cicu_break_first(cicu_break_iterator *iterator);
int32_t cicu_break_next(cicu_break_iterator *iterator);
int32_t cicu_break_following(cicu_break_iterator *iterator, int32_t offset);
int32_t cicu_break_preceding(cicu_break_iterator *iterator, int32_t offset);
int32_t cicu_break_is_boundary(cicu_break_iterator *iterator, int32_t offset);
/// ubrk_getRuleStatus: the status of the rule that gave the last boundary.
int32_t cicu_break_rule_status(cicu_break_iterator *iterator);

#ifdef __cplusplus
}
#endif
#endif
