//===--- CheckCatalog.cpp -------------------------------------------------===//

#include "CheckCatalog.h"

namespace clang::coroguard {

static const CheckInfo Catalog[] = {
#define COROGUARD_CHECK(Name, Class, Title, Summary)                           \
  {Name, #Class, Title, Summary},
#include "Checks.def"
};

llvm::ArrayRef<CheckInfo> getCheckCatalog() { return Catalog; }

} // namespace clang::coroguard
