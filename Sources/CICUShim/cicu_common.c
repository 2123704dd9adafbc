#include "cicu.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

void cicu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    int32_t i = 0;
    for (; i + 1 < capacity && text[i] != 0; i++) buffer[i] = text[i];
    if (capacity > 0) buffer[i] = 0;
}

const char *cicu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

int32_t cicu_char_type(int32_t codePoint) {
    return (int32_t)u_charType((UChar32)codePoint);
}

int32_t cicu_char_class(int32_t codePoint) {
    int32_t mask = U_MASK(u_charType((UChar32)codePoint));
    int32_t result = 0;
    if (mask & U_GC_L_MASK) result |= CICU_CLASS_LETTER;
    if (mask & U_GC_LU_MASK) result |= CICU_CLASS_UPPERCASE;
    if (mask & U_GC_LL_MASK) result |= CICU_CLASS_LOWERCASE;
    if (mask & U_GC_M_MASK) result |= CICU_CLASS_MARK;
    if (mask & U_GC_ND_MASK) result |= CICU_CLASS_DIGIT;
    if (mask & U_GC_P_MASK) result |= CICU_CLASS_PUNCTUATION;
    if (u_isUWhiteSpace((UChar32)codePoint)) result |= CICU_CLASS_WHITESPACE;
    return result;
}

int32_t cicu_is_cyrillic(int32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript((UChar32)codePoint, &status) == USCRIPT_CYRILLIC;
}

int32_t cicu_is_latin(int32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript((UChar32)codePoint, &status) == USCRIPT_LATIN;
}

int32_t cicu_to_upper(int32_t codePoint) { return (int32_t)u_toupper((UChar32)codePoint); }
int32_t cicu_to_lower(int32_t codePoint) { return (int32_t)u_tolower((UChar32)codePoint); }

int32_t cicu_utf8_to_utf16(uint16_t *destination, int32_t capacity,
                           const char *source, int32_t length, int32_t *status) {
    int32_t needed = 0;
    u_strFromUTF8((UChar *)destination, capacity, &needed, source, length, (UErrorCode *)status);
    return needed;
}

int32_t cicu_utf16_to_utf8(char *destination, int32_t capacity,
                           const uint16_t *source, int32_t length, int32_t *status) {
    int32_t needed = 0;
    u_strToUTF8(destination, capacity, &needed, (const UChar *)source, length, (UErrorCode *)status);
    return needed;
}
