//===--- ClangdMain.cpp - clangd with the coroguard checks linked in ------===//
//
// clangd cannot load clang-tidy plugins, so editors get the checks through
// this build of upstream clangd: the check objects are linked in and
// register themselves with clang-tidy's module registry.
//
//===----------------------------------------------------------------------===//

namespace clang::clangd {
// Defined in libclangdMain; Debian does not ship ClangdMain.h.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char *Argv[]) {
  return clang::clangd::clangdMain(Argc, Argv);
}
