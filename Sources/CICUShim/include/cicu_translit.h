#ifndef CICU_TRANSLIT_H
#define CICU_TRANSLIT_H

#include "cicu_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque ICU transliterator (UTransliterator). Not thread-safe to share:
/// clone it for each thread.
typedef struct cicu_transliterator cicu_transliterator;

/// Where a rule file failed to parse (from ICU's UParseError).
typedef struct cicu_parse_error {
    int32_t line;
    int32_t offset;
    uint16_t preContext[16];
    uint16_t postContext[16];
} cicu_parse_error;

/// Opens a system transliterator by ID ("Bulgarian-Latin/BGN"); utrans_openU.
cicu_transliterator *cicu_translit_open_id(const uint16_t *id, int32_t idLength,
                                           int32_t *status);

/// Compiles transform rules (utrans_openU with UTRANS_FORWARD and rules).
cicu_transliterator *cicu_translit_open_rules(const uint16_t *id, int32_t idLength,
                                              const uint16_t *rules, int32_t rulesLength,
                                              cicu_parse_error *parseError,
                                              int32_t *status);

/// utrans_clone.
cicu_transliterator *cicu_translit_clone(const cicu_transliterator *translit,
                                         int32_t *status);

/// utrans_close; NULL is allowed.
void cicu_translit_close(cicu_transliterator *translit);

/// Transliterates `text[0..<*length]` in place (utrans_transUChars).
/// On return `*length` is the new length; on CICU_BUFFER_OVERFLOW_ERROR the
/// text is unchanged and `*length` is not meaningful: retry with more room.
void cicu_translit_transform(const cicu_transliterator *translit, uint16_t *text,
                             int32_t *length, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
