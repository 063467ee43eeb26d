//===--- CheckCatalog.h - names and one-line summaries of the checks ------===//

#ifndef COROGUARD_CHECKS_CHECKCATALOG_H
#define COROGUARD_CHECKS_CHECKCATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::coroguard {

struct CheckInfo {
  llvm::StringRef Name;
  llvm::StringRef ClassName; ///< e.g. BlockingCallCheck
  llvm::StringRef Title;     ///< one short sentence
  llvm::StringRef Summary;   ///< what it finds and why that matters
};

/// Every coroguard check, sorted by name. The module registers exactly
/// these (a test compares the two).
llvm::ArrayRef<CheckInfo> getCheckCatalog();

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_CHECKCATALOG_H
