// libxml2's HTML parser (Debian: libxml2-dev), for importing notices saved from old web pages.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU inside Swift's Foundation. Nothing here uses
// libxml2's ICU converters (pages are decoded through iconv), so the ICU declarations are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// xmlFree is a global function pointer, which Swift 6 sees as shared mutable state; this calls it.
static inline void gongshi_xml_free(void *pointer) { xmlFree(pointer); }
