#ifndef CICU_NORMALIZER_H
#define CICU_NORMALIZER_H

#include "cicu_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU normalizer (UNormalizer2). These are ICU-owned singletons: never
/// closed, and safe to use from many threads at once.
typedef struct cicu_normalizer cicu_normalizer;

#define CICU_NORMALIZER_NFC 0
#define CICU_NORMALIZER_NFD 1
#define CICU_NORMALIZER_NFKC 2
#define CICU_NORMALIZER_NFKD 3

/// unorm2_getNFCInstance and friends.
const cicu_normalizer *cicu_normalizer_instance(int32_t form, int32_t *status);

/// unorm2_normalize. Returns the length needed.
int32_t cicu_normalizer_normalize(const cicu_normalizer *normalizer,
                                  const uint16_t *source, int32_t length,
                                  uint16_t *destination, int32_t capacity,
                                  int32_t *status);

/// unorm2_spanQuickCheckYes: the length of the prefix that is certainly normalized.
int32_t cicu_normalizer_span_quick_check_yes(const cicu_normalizer *normalizer,
                                             const uint16_t *source, int32_t length,
                                             int32_t *status);

/// unorm2_isNormalized.
int32_t cicu_normalizer_is_normalized(const cicu_normalizer *normalizer,
                                      const uint16_t *source, int32_t length,
                                      int32_t *status);

/// unorm2_hasBoundaryBefore: whether normalization never combines across
/// a boundary before this code point.
int32_t cicu_normalizer_has_boundary_before(const cicu_normalizer *normalizer,
                                            int32_t codePoint);

/// unorm2_getDecomposition. Returns the length, or -1 when there is none.
int32_t cicu_normalizer_decomposition(const cicu_normalizer *normalizer,
                                      int32_t codePoint, uint16_t *destination,
                                      int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
