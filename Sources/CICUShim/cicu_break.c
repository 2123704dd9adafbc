#include "cicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct cicu_break_iterator {
    UBreakIterator *iterator;
    UText *text; /* the UText of the last cicu_break_set_utf8, reused */
};

static cicu_break_iterator *wrap(UBreakIterator *iterator, UErrorCode *status) {
    if (U_FAILURE(*status)) return NULL;
    cicu_break_iterator *result = calloc(1, sizeof *result);
    if (result == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    return result;
}

cicu_break_iterator *cicu_break_open(int32_t kind, const char *locale, int32_t *status) {
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0,
                                         (UErrorCode *)status);
    return wrap(iterator, (UErrorCode *)status);
}

cicu_break_iterator *cicu_break_clone(const cicu_break_iterator *iterator, int32_t *status) {
    UBreakIterator *copy = ubrk_clone(iterator->iterator, (UErrorCode *)status);
    return wrap(copy, (UErrorCode *)status);
}

void cicu_break_close(cicu_break_iterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    if (iterator->text != NULL) utext_close(iterator->text);
    free(iterator);
}

void cicu_break_set_utf16(cicu_break_iterator *iterator, const uint16_t *text,
                          int32_t length, int32_t *status) {
    ubrk_setText(iterator->iterator, (const UChar *)text, length, (UErrorCode *)status);
}

void cicu_break_set_utf8(cicu_break_iterator *iterator, const char *text,
                         int64_t length, int32_t *status) {
    UText *opened = utext_openUTF8(iterator->text, text, length, (UErrorCode *)status);
    if (U_FAILURE(*(UErrorCode *)status)) return;
    iterator->text = opened;
    ubrk_setUText(iterator->iterator, opened, (UErrorCode *)status);
}

int32_t cicu_break_first(cicu_break_iterator *iterator) { return ubrk_first(iterator->iterator); }
int32_t cicu_break_next(cicu_break_iterator *iterator) { return ubrk_next(iterator->iterator); }
int32_t cicu_break_following(cicu_break_iterator *iterator, int32_t offset) {
    return ubrk_following(iterator->iterator, offset);
}
int32_t cicu_break_preceding(cicu_break_iterator *iterator, int32_t offset) {
    return ubrk_preceding(iterator->iterator, offset);
}
int32_t cicu_break_is_boundary(cicu_break_iterator *iterator, int32_t offset) {
    return ubrk_isBoundary(iterator->iterator, offset) ? 1 : 0;
}
int32_t cicu_break_rule_status(cicu_break_iterator *iterator) {
    return ubrk_getRuleStatus(iterator->iterator);
}

int32_t cicu_break_utf16_from_valid_utf8(uint16_t *destination, int32_t capacity,
                                         const char *source, int32_t length, int32_t *status) {
    int32_t written = 0;
    u_strFromUTF8Lenient((UChar *)destination, capacity, &written, source, length, (UErrorCode *)status);
    return written;
}
