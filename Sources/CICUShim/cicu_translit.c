#include "cicu.h"

#include <string.h>
#include <unicode/parseerr.h>
#include <unicode/utrans.h>

cicu_transliterator *cicu_translit_open_id(const uint16_t *id, int32_t idLength,
                                           int32_t *status) {
    return (cicu_transliterator *)utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD,
                                               NULL, 0, NULL, (UErrorCode *)status);
}

cicu_transliterator *cicu_translit_open_rules(const uint16_t *id, int32_t idLength,
                                              const uint16_t *rules, int32_t rulesLength,
                                              cicu_parse_error *parseError,
                                              int32_t *status) {
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    UTransliterator *result = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD,
                                           (const UChar *)rules, rulesLength, &parse,
                                           (UErrorCode *)status);
    if (parseError != NULL) {
        parseError->line = parse.line;
        parseError->offset = parse.offset;
        memcpy(parseError->preContext, parse.preContext, sizeof parseError->preContext);
        memcpy(parseError->postContext, parse.postContext, sizeof parseError->postContext);
    }
    return (cicu_transliterator *)result;
}

cicu_transliterator *cicu_translit_clone(const cicu_transliterator *translit, int32_t *status) {
    return (cicu_transliterator *)utrans_clone((const UTransliterator *)translit,
                                               (UErrorCode *)status);
}

void cicu_translit_close(cicu_transliterator *translit) {
    if (translit != NULL) utrans_close((UTransliterator *)translit);
}

void cicu_translit_transform(const cicu_transliterator *translit, uint16_t *text,
                             int32_t *length, int32_t capacity, int32_t *status) {
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)translit, (UChar *)text, length, capacity,
                       0, &limit, (UErrorCode *)status);
}
