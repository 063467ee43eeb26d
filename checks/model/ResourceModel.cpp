//===--- ResourceModel.cpp ------------------------------------------------===//

#include "ResourceModel.h"

#include <memory>

namespace clang::coroguard {

template <class Entry>
static void
merge(ResourceModel::Table<Entry> &Into, const std::vector<Entry> &From,
      llvm::StringRef Profile,
      llvm::function_ref<llvm::StringRef(const std::string &)> Intern) {
  for (const Entry &E : From) {
    auto It = Into.find(E.Name);
    if (It != Into.end()) {
      It->second = {E, Profile.str()};
      continue;
    }
    Into.insert({Intern(E.Name), {E, Profile.str()}});
  }
}

void ResourceModel::add(const ModelDocument &Doc) {
  auto Intern = [this](const std::string &N) { return intern(N); };
  merge(TaskTypes, Doc.TaskTypes, Doc.Profile, Intern);
  merge(ResourceTypes, Doc.ResourceTypes, Doc.Profile, Intern);
  merge(BlockingFunctions, Doc.BlockingFunctions, Doc.Profile, Intern);
  if (!llvm::StringRef(Doc.Origin).starts_with("<builtin>/"))
    for (const BlockingFunctionEntry &Entry : Doc.BlockingFunctions)
      if (auto It = BlockingFunctions.find(Entry.Name);
          It != BlockingFunctions.end())
        It->second.Value.FromUserFile = true;
  merge(Guards, Doc.Guards, Doc.Profile, Intern);
  merge(ExceptionSinks, Doc.ExceptionSinks, Doc.Profile, Intern);
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  merge(Member, Doc.Member, Doc.Profile, Intern);
#include "NamedSections.def"
  Origins.push_back(Doc.Origin);
}

} // namespace clang::coroguard
