#ifndef CICU_COMMON_H
#define CICU_COMMON_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's U_BUFFER_OVERFLOW_ERROR.
#define CICU_BUFFER_OVERFLOW_ERROR 15
/// ICU's U_ILLEGAL_ARGUMENT_ERROR.
#define CICU_ILLEGAL_ARGUMENT_ERROR 1
/// ICU's U_INVALID_CHAR_FOUND.
#define CICU_INVALID_CHAR_FOUND 10
/// ICU's U_ILLEGAL_CHAR_FOUND.
#define CICU_ILLEGAL_CHAR_FOUND 12
/// ICU's U_TRUNCATED_CHAR_FOUND.
#define CICU_TRUNCATED_CHAR_FOUND 11

/// Writes the runtime ICU version ("72.1") into `buffer`, NUL-terminated.
void cicu_version(char *buffer, int32_t capacity);

/// ICU's symbolic name for a status code ("U_BUFFER_OVERFLOW_ERROR"); static storage.
const char *cicu_error_name(int32_t status);

/// The general category of a code point as ICU numbers it (UCharCategory).
int32_t cicu_char_type(int32_t codePoint);

/// Character classes used by word-boundary logic, one bit each.
#define CICU_CLASS_LETTER 1      /* general category L* */
#define CICU_CLASS_UPPERCASE 2   /* general category Lu */
#define CICU_CLASS_MARK 4        /* general category M* */
#define CICU_CLASS_WHITESPACE 8  /* White_Space property */
#define CICU_CLASS_DIGIT 16      /* general category Nd */
#define CICU_CLASS_LOWERCASE 32  /* general category Ll */
#define CICU_CLASS_PUNCTUATION 64 /* general category P* */

/// The `CICU_CLASS_*` bits of a code point.
int32_t cicu_char_class(int32_t codePoint);

/// Whether a code point is in the Cyrillic script (Script=Cyrillic).
int32_t cicu_is_cyrillic(int32_t codePoint);

/// Whether a code point is in the Latin script (Script=Latin).
int32_t cicu_is_latin(int32_t codePoint);

/// Simple (1:1) case mappings.
int32_t cicu_to_upper(int32_t codePoint);
int32_t cicu_to_lower(int32_t codePoint);

/// UTF-8 to UTF-16 (u_strFromUTF8). Returns the length needed; on overflow
/// `*status` is CICU_BUFFER_OVERFLOW_ERROR. Invalid UTF-8 is an error.
int32_t cicu_utf8_to_utf16(uint16_t *destination, int32_t capacity,
                           const char *source, int32_t length, int32_t *status);

/// UTF-16 to UTF-8 (u_strToUTF8). Returns the length needed.
int32_t cicu_utf16_to_utf8(char *destination, int32_t capacity,
                           const uint16_t *source, int32_t length, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
