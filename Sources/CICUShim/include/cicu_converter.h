#ifndef CICU_CONVERTER_H
#define CICU_CONVERTER_H

#include "cicu_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque ICU charset converter (UConverter) set to stop at the first
/// byte sequence it cannot convert. Stateful: one per thread and stream.
typedef struct cicu_converter cicu_converter;

/// ucnv_open with stop callbacks in both directions.
cicu_converter *cicu_converter_open(const char *name, int32_t *status);

/// ucnv_close; NULL is allowed.
void cicu_converter_close(cicu_converter *converter);

/// ucnv_reset.
void cicu_converter_reset(cicu_converter *converter);

/// ucnv_getName (canonical name); static storage owned by ICU.
const char *cicu_converter_name(const cicu_converter *converter, int32_t *status);

/// ucnv_toUnicode over one chunk. Advances `*sourceOffset` and
/// `*destinationLength`; `flush` is nonzero for the last chunk. Stops with
/// CICU_BUFFER_OVERFLOW_ERROR when the destination is full, or with an
/// illegal/invalid/truncated status at the first undecodable sequence
/// (`*sourceOffset` then points just past it).
void cicu_converter_to_utf16(cicu_converter *converter,
                             uint16_t *destination, int32_t capacity, int32_t *destinationLength,
                             const char *source, int32_t sourceLength, int32_t *sourceOffset,
                             int32_t flush, int32_t *status);

/// ucnv_fromUnicode over one chunk, with the same conventions.
void cicu_converter_from_utf16(cicu_converter *converter,
                               char *destination, int32_t capacity, int32_t *destinationLength,
                               const uint16_t *source, int32_t sourceLength, int32_t *sourceOffset,
                               int32_t flush, int32_t *status);

/// ucnv_getInvalidChars: the bytes of the last undecodable sequence.
int32_t cicu_converter_invalid_bytes(const cicu_converter *converter, char *buffer,
                                     int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
