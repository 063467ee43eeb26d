//===--- CoroGuardTidyModule.cpp - registers the coroguard checks ---------===//
//
// Registers every check of Checks.def through the factory its source file
// defines (COROGUARD_CHECK_FACTORY), so this file names no check.
//
//===----------------------------------------------------------------------===//

#include "CoroGuardCheck.h"

#include "clang-tidy/ClangTidyModule.h"

namespace clang::coroguard {

#define COROGUARD_CHECK(Name, Class, Title, Summary)                           \
  std::unique_ptr<tidy::ClangTidyCheck> create##Class(                         \
      llvm::StringRef, tidy::ClangTidyContext *);
#include "Checks.def"

namespace {

class CoroGuardModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &Factories) override {
#define COROGUARD_CHECK(Name, Class, Title, Summary)                           \
  Factories.registerCheckFactory(Name, create##Class);
#include "Checks.def"
  }
};

} // namespace

// Linked as object code into every front, so this registration is always
// present without an anchor symbol.
static tidy::ClangTidyModuleRegistry::Add<CoroGuardModule>
    X("coroguard-module", "Async-resource misuse in C++20 coroutines.");

} // namespace clang::coroguard
