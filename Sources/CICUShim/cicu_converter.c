#include "cicu.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

cicu_converter *cicu_converter_open(const char *name, int32_t *status) {
    UErrorCode *code = (UErrorCode *)status;
    UConverter *converter = ucnv_open(name, code);
    if (U_FAILURE(*code)) return NULL;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, code);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, code);
    if (U_FAILURE(*code)) {
        ucnv_close(converter);
        return NULL;
    }
    return (cicu_converter *)converter;
}

void cicu_converter_close(cicu_converter *converter) {
    if (converter != NULL) ucnv_close((UConverter *)converter);
}

void cicu_converter_reset(cicu_converter *converter) { ucnv_reset((UConverter *)converter); }

const char *cicu_converter_name(const cicu_converter *converter, int32_t *status) {
    return ucnv_getName((const UConverter *)converter, (UErrorCode *)status);
}

void cicu_converter_to_utf16(cicu_converter *converter,
                             uint16_t *destination, int32_t capacity, int32_t *destinationLength,
                             const char *source, int32_t sourceLength, int32_t *sourceOffset,
                             int32_t flush, int32_t *status) {
    UChar *target = (UChar *)destination + *destinationLength;
    const char *input = source + *sourceOffset;
    ucnv_toUnicode((UConverter *)converter, &target, (UChar *)destination + capacity,
                   &input, source + sourceLength, NULL, flush != 0, (UErrorCode *)status);
    *destinationLength = (int32_t)(target - (UChar *)destination);
    *sourceOffset = (int32_t)(input - source);
}

void cicu_converter_from_utf16(cicu_converter *converter,
                               char *destination, int32_t capacity, int32_t *destinationLength,
                               const uint16_t *source, int32_t sourceLength, int32_t *sourceOffset,
                               int32_t flush, int32_t *status) {
    char *target = destination + *destinationLength;
    const UChar *input = (const UChar *)source + *sourceOffset;
    ucnv_fromUnicode((UConverter *)converter, &target, destination + capacity,
                     &input, (const UChar *)source + sourceLength, NULL, flush != 0,
                     (UErrorCode *)status);
    *destinationLength = (int32_t)(target - destination);
    *sourceOffset = (int32_t)(input - (const UChar *)source);
}

int32_t cicu_converter_invalid_bytes(const cicu_converter *converter, char *buffer,
                                     int32_t capacity, int32_t *status) {
    int8_t length = (int8_t)(capacity > 127 ? 127 : capacity);
    ucnv_getInvalidChars((const UConverter *)converter, buffer, &length, (UErrorCode *)status);
    return length;
}
