#include "cicu.h"

#include <unicode/unorm2.h>

const cicu_normalizer *cicu_normalizer_instance(int32_t form, int32_t *status) {
    UErrorCode *code = (UErrorCode *)status;
    switch (form) {
    case CICU_NORMALIZER_NFC: return (const cicu_normalizer *)unorm2_getNFCInstance(code);
    case CICU_NORMALIZER_NFD: return (const cicu_normalizer *)unorm2_getNFDInstance(code);
    case CICU_NORMALIZER_NFKC: return (const cicu_normalizer *)unorm2_getNFKCInstance(code);
    case CICU_NORMALIZER_NFKD: return (const cicu_normalizer *)unorm2_getNFKDInstance(code);
    default: *code = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t cicu_normalizer_normalize(const cicu_normalizer *normalizer,
                                  const uint16_t *source, int32_t length,
                                  uint16_t *destination, int32_t capacity,
                                  int32_t *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)source, length,
                            (UChar *)destination, capacity, (UErrorCode *)status);
}

int32_t cicu_normalizer_span_quick_check_yes(const cicu_normalizer *normalizer,
                                             const uint16_t *source, int32_t length,
                                             int32_t *status) {
    return unorm2_spanQuickCheckYes((const UNormalizer2 *)normalizer, (const UChar *)source,
                                    length, (UErrorCode *)status);
}

int32_t cicu_normalizer_is_normalized(const cicu_normalizer *normalizer,
                                      const uint16_t *source, int32_t length,
                                      int32_t *status) {
    return unorm2_isNormalized((const UNormalizer2 *)normalizer, (const UChar *)source, length,
                               (UErrorCode *)status) ? 1 : 0;
}

int32_t cicu_normalizer_has_boundary_before(const cicu_normalizer *normalizer,
                                            int32_t codePoint) {
    return unorm2_hasBoundaryBefore((const UNormalizer2 *)normalizer, (UChar32)codePoint) ? 1 : 0;
}

int32_t cicu_normalizer_decomposition(const cicu_normalizer *normalizer,
                                      int32_t codePoint, uint16_t *destination,
                                      int32_t capacity, int32_t *status) {
    return unorm2_getDecomposition((const UNormalizer2 *)normalizer, (UChar32)codePoint,
                                   (UChar *)destination, capacity, (UErrorCode *)status);
}
