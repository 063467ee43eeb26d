//===--- CheckCatalog.cpp -------------------------------------------------===//

#include "CheckCatalog.h"

namespace clang::coroguard {

static const CheckInfo Catalog[] = {
#define COROGUARD_CHECK(Name, Class, Summary) {Name, Summary},
#include "Checks.def"
};

llvm::ArrayRef<CheckInfo> getCheckCatalog() { return Catalog; }

} // namespace clang::coroguard
