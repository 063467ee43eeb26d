//===--- ProjectFacts.cpp -------------------------------------------------===//

#include "project/ProjectFacts.h"

#include "queries/ModelQueries.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <limits>
#include <tuple>

namespace clang::coroguard::project {

std::string keyOf(const FunctionDecl &FD) {
  const FunctionDecl *Canonical = FD.getCanonicalDecl();
  llvm::SmallString<128> USR;
  if (index::generateUSRForDecl(Canonical, USR) || USR.empty())
    return "";
  std::string Key(USR);
  if (!Canonical->isExternallyVisible()) {
    const SourceManager &SM = FD.getASTContext().getSourceManager();
    if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      Key += "@" + Main->getName().str();
  }
  return Key;
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

FunctionFacts factsOf(const FunctionDecl &Definition) {
  FunctionFacts F;
  F.Key = keyOf(Definition);
  F.Name = getQualifiedFunctionName(Definition);
  const SourceManager &SM = Definition.getASTContext().getSourceManager();
  PresumedLoc At =
      SM.getPresumedLoc(SM.getExpansionLoc(Definition.getLocation()),
                        /*UseLineDirectives=*/false);
  if (At.isValid()) {
    F.File = absolutePath(At.getFilename());
    F.Line = At.getLine();
  }
  return F;
}

static constexpr llvm::StringLiteral Marker = "\n#coroguard-if ";

static llvm::StringRef factName(Fact F) {
  switch (F) {
  case Fact::Blocks:
    return "blocks";
  case Fact::LetsErrorsOut:
    return "lets-errors-out";
  case Fact::DoesNotRelease:
    return "does-not-release";
  case Fact::KeepsBlocking:
    return "keeps-blocking";
  }
  llvm_unreachable("unknown fact");
}

std::string conditionalMessage(llvm::StringRef Message, const Condition &C) {
  return (Message + Marker + factName(C.What) + " " + llvm::Twine(C.Param) +
          " " + C.Key)
      .str();
}

bool waitsForCondition(llvm::StringRef Message) {
  return Message.contains(Marker);
}

std::optional<Condition> takeCondition(std::string &Message) {
  size_t At = Message.find(Marker.data(), 0, Marker.size());
  if (At == std::string::npos)
    return std::nullopt;
  auto [Name, Rest] =
      llvm::StringRef(Message).substr(At + Marker.size()).split(' ');
  auto [Param, Key] = Rest.split(' ');
  Condition C;
  C.What = Name == "blocks"             ? Fact::Blocks
           : Name == "does-not-release" ? Fact::DoesNotRelease
           : Name == "keeps-blocking"   ? Fact::KeepsBlocking
                                        : Fact::LetsErrorsOut;
  if (Param.getAsInteger(10, C.Param))
    C.Param = 0;
  C.Key = Key.str();
  Message.resize(At);
  return C;
}

//===----------------------------------------------------------------------===//
// UnitFacts
//===----------------------------------------------------------------------===//

static thread_local UnitFacts *Current = nullptr;

UnitFacts::Scope::Scope(UnitFacts &Facts) : Previous(Current) {
  Current = &Facts;
}
UnitFacts::Scope::~Scope() { Current = Previous; }
UnitFacts *UnitFacts::current() { return Current; }

void UnitFacts::add(FunctionFacts Facts) {
  if (Facts.Key.empty())
    return;
  auto [It, New] = Seen.try_emplace(Facts.Key, Functions.size());
  if (New) {
    Functions.push_back(std::move(Facts));
    return;
  }
  FunctionFacts &Known = Functions[It->second];
  if (Known.Blocks.empty() && Known.Calls.empty()) {
    Known.Blocks = std::move(Facts.Blocks);
    Known.Blocking = std::move(Facts.Blocking);
    Known.Alternative = std::move(Facts.Alternative);
    Known.Calls = std::move(Facts.Calls);
  }
  Known.HandlesErrors |= Facts.HandlesErrors;
  for (unsigned P : Facts.ReleasesParams)
    if (!llvm::is_contained(Known.ReleasesParams, P))
      Known.ReleasesParams.push_back(P);
  llvm::sort(Known.ReleasesParams);
  for (unsigned P : Facts.NonBlockingParams)
    if (!llvm::is_contained(Known.NonBlockingParams, P))
      Known.NonBlockingParams.push_back(P);
  llvm::sort(Known.NonBlockingParams);
}

static thread_local const FactBase *KnownFacts = nullptr;
const FactBase *knownFacts() { return KnownFacts; }
void setKnownFacts(const FactBase *Facts) { KnownFacts = Facts; }

//===----------------------------------------------------------------------===//
// FactBase
//===----------------------------------------------------------------------===//

static constexpr unsigned NoChain = std::numeric_limits<unsigned>::max();

void FactBase::add(FunctionFacts Facts) { Nodes.push_back(std::move(Facts)); }

unsigned FactBase::keyLength(llvm::StringRef Key) const {
  auto It = ByKey.find(Key);
  if (It == ByKey.end())
    return NoChain;
  unsigned Longest = 0;
  for (size_t Node : It->second)
    Longest = std::max(Longest, Length[Node]);
  return Longest;
}

size_t FactBase::firstNode(llvm::StringRef Key) const {
  return ByKey.find(Key)->second.front();
}

void FactBase::resolve() {
  // The same order whatever order the units finished in.
  llvm::sort(Nodes, [](const FunctionFacts &A, const FunctionFacts &B) {
    return std::tie(A.Key, A.File, A.Line) < std::tie(B.Key, B.File, B.Line);
  });
  // An inline function is summarised by every unit that includes it.
  Nodes.erase(llvm::unique(Nodes), Nodes.end());
  ByKey.clear();
  Length.assign(Nodes.size(), NoChain);
  Via.assign(Nodes.size(), -1);
  for (size_t I = 0; I < Nodes.size(); ++I) {
    ByKey[Nodes[I].Key].push_back(I);
    if (!Nodes[I].Blocks.empty())
      Length[I] = Nodes[I].Blocks.size();
  }
  // Shortest chains, Bellman-Ford style: every length only decreases, so
  // a cycle of functions that do not block settles at "does not block".
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I < Nodes.size(); ++I)
      for (size_t C = 0; C < Nodes[I].Calls.size(); ++C) {
        unsigned Sub = keyLength(Nodes[I].Calls[C].first);
        if (Sub != NoChain && Sub + 1 < Length[I]) {
          Length[I] = Sub + 1;
          Via[I] = static_cast<int>(C);
          Changed = true;
        }
      }
  }
}

std::optional<BlockingChain> FactBase::blocks(llvm::StringRef Key) const {
  if (keyLength(Key) == NoChain)
    return std::nullopt;
  BlockingChain Chain;
  size_t Node = firstNode(Key);
  // Each step goes to a shorter chain; the bound is a guard only.
  for (size_t Steps = 0; Steps <= Nodes.size(); ++Steps) {
    const FunctionFacts &F = Nodes[Node];
    if (Via[Node] < 0) {
      Chain.Steps.insert(Chain.Steps.end(), F.Blocks.begin(), F.Blocks.end());
      Chain.Blocking = F.Blocking;
      Chain.Alternative = F.Alternative;
      return Chain;
    }
    const auto &[Next, Call] = F.Calls[Via[Node]];
    Chain.Steps.push_back(Call);
    Node = firstNode(Next);
  }
  return std::nullopt;
}

bool FactBase::handlesErrors(llvm::StringRef Key) const {
  auto It = ByKey.find(Key);
  return It != ByKey.end() && llvm::any_of(It->second, [&](size_t Node) {
           return Nodes[Node].HandlesErrors;
         });
}

bool FactBase::releasesParam(llvm::StringRef Key, unsigned Param) const {
  auto It = ByKey.find(Key);
  return It != ByKey.end() && llvm::any_of(It->second, [&](size_t Node) {
           return llvm::is_contained(Nodes[Node].ReleasesParams, Param);
         });
}

bool FactBase::makesNonBlocking(llvm::StringRef Key, unsigned Param) const {
  auto It = ByKey.find(Key);
  return It != ByKey.end() && llvm::any_of(It->second, [&](size_t Node) {
           return llvm::is_contained(Nodes[Node].NonBlockingParams, Param);
         });
}

bool FactBase::holds(const Condition &C) const {
  switch (C.What) {
  case Fact::Blocks:
    return blocks(C.Key).has_value();
  case Fact::LetsErrorsOut:
    return !handlesErrors(C.Key);
  case Fact::DoesNotRelease:
    return !releasesParam(C.Key, C.Param);
  case Fact::KeepsBlocking:
    return !makesNonBlocking(C.Key, C.Param);
  }
  llvm_unreachable("unknown fact");
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

static llvm::json::Value stepToJson(const Step &S) {
  return llvm::json::Object{{"file", S.File},
                            {"line", S.Line},
                            {"column", S.Column},
                            {"caller", S.Caller},
                            {"callee", S.Callee}};
}

static std::optional<Step> stepFromJson(const llvm::json::Value *V) {
  const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return std::nullopt;
  auto File = O->getString("file");
  auto Line = O->getInteger("line");
  auto Column = O->getInteger("column");
  auto Caller = O->getString("caller");
  auto Callee = O->getString("callee");
  if (!File || !Line || !Column || !Caller || !Callee)
    return std::nullopt;
  return Step{File->str(), static_cast<unsigned>(*Line),
              static_cast<unsigned>(*Column), Caller->str(), Callee->str()};
}

llvm::json::Value toJson(const FunctionFacts &F) {
  llvm::json::Object O{
      {"key", F.Key}, {"name", F.Name}, {"file", F.File}, {"line", F.Line}};
  if (!F.Blocks.empty()) {
    llvm::json::Array Steps;
    for (const Step &S : F.Blocks)
      Steps.push_back(stepToJson(S));
    O["blocks"] = llvm::json::Object{{"steps", std::move(Steps)},
                                     {"blocking", F.Blocking},
                                     {"alternative", F.Alternative}};
  }
  if (!F.Calls.empty()) {
    llvm::json::Array Calls;
    for (const auto &[Key, S] : F.Calls)
      Calls.push_back(llvm::json::Object{{"key", Key}, {"at", stepToJson(S)}});
    O["calls"] = std::move(Calls);
  }
  if (F.HandlesErrors)
    O["handlesErrors"] = true;
  auto Indices = [](const std::vector<unsigned> &Params) {
    llvm::json::Array Out;
    for (unsigned P : Params)
      Out.push_back(P);
    return Out;
  };
  if (!F.ReleasesParams.empty())
    O["releasesParams"] = Indices(F.ReleasesParams);
  if (!F.NonBlockingParams.empty())
    O["nonBlockingParams"] = Indices(F.NonBlockingParams);
  return O;
}

std::optional<FunctionFacts> factsFromJson(const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  FunctionFacts F;
  auto Key = O->getString("key");
  auto Name = O->getString("name");
  auto File = O->getString("file");
  auto Line = O->getInteger("line");
  if (!Key || !Name || !File || !Line)
    return std::nullopt;
  F.Key = Key->str();
  F.Name = Name->str();
  F.File = File->str();
  F.Line = static_cast<unsigned>(*Line);
  if (const llvm::json::Object *Blocks = O->getObject("blocks")) {
    const llvm::json::Array *Steps = Blocks->getArray("steps");
    auto Blocking = Blocks->getString("blocking");
    auto Alternative = Blocks->getString("alternative");
    if (!Steps || Steps->empty() || !Blocking || !Alternative)
      return std::nullopt;
    for (const llvm::json::Value &S : *Steps) {
      std::optional<Step> Read = stepFromJson(&S);
      if (!Read)
        return std::nullopt;
      F.Blocks.push_back(std::move(*Read));
    }
    F.Blocking = Blocking->str();
    F.Alternative = Alternative->str();
  }
  if (const llvm::json::Array *Calls = O->getArray("calls"))
    for (const llvm::json::Value &C : *Calls) {
      const llvm::json::Object *Call = C.getAsObject();
      auto CalleeKey = Call ? Call->getString("key") : std::nullopt;
      std::optional<Step> At =
          Call ? stepFromJson(Call->get("at")) : std::nullopt;
      if (!CalleeKey || !At)
        return std::nullopt;
      F.Calls.push_back({CalleeKey->str(), std::move(*At)});
    }
  F.HandlesErrors = O->getBoolean("handlesErrors").value_or(false);
  for (auto [Name, Out] :
       {std::pair{"releasesParams", &F.ReleasesParams},
        std::pair{"nonBlockingParams", &F.NonBlockingParams}})
    if (const llvm::json::Array *Params = O->getArray(Name))
      for (const llvm::json::Value &P : *Params) {
        std::optional<int64_t> Index = P.getAsInteger();
        if (!Index || *Index < 0)
          return std::nullopt;
        Out->push_back(static_cast<unsigned>(*Index));
      }
  return F;
}

std::string contentHash(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return "";
  return llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer()),
                         /*LowerCase=*/true);
}

/// The files \p F's facts come from: its own and those of its steps.
static std::vector<llvm::StringRef> filesOf(const FunctionFacts &F) {
  std::vector<llvm::StringRef> Files{F.File};
  for (const Step &S : F.Blocks)
    Files.push_back(S.File);
  for (const auto &Call : F.Calls)
    Files.push_back(Call.second.File);
  return Files;
}

void writeSummaryFile(const FactBase &Base, llvm::raw_ostream &OS) {
  std::map<std::string, std::string> Hashes;
  llvm::json::Array Functions;
  for (const FunctionFacts &F : Base.functions()) {
    for (llvm::StringRef File : filesOf(F))
      if (!Hashes.count(File.str()))
        Hashes[File.str()] = contentHash(File);
    Functions.push_back(toJson(F));
  }
  llvm::json::Object Files;
  for (auto &[File, Hash] : Hashes)
    Files[File] = Hash;
  llvm::json::Value Root =
      llvm::json::Object{{"format", "coroguard-summaries"},
                         {"version", SummaryFormatVersion},
                         {"files", std::move(Files)},
                         {"functions", std::move(Functions)}};
  OS << llvm::formatv("{0:1}", Root) << "\n";
}

llvm::Expected<FactBase> readSummaryFile(llvm::StringRef Path,
                                         unsigned *Stale) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read '" + Path +
                                       "': " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Root =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Root)
    return llvm::createStringError(
        "'" + Path + "' is not JSON: " + llvm::toString(Root.takeError()));
  const llvm::json::Object *O = Root->getAsObject();
  if (!O || O->getString("format") != "coroguard-summaries")
    return llvm::createStringError("'" + Path +
                                   "' is not a coroguard summary file");
  if (O->getInteger("version") != SummaryFormatVersion)
    return llvm::createStringError(
        "'" + Path + "' has summary format version " +
        std::to_string(O->getInteger("version").value_or(0)) +
        "; this coroguard reads version " +
        std::to_string(SummaryFormatVersion) +
        " (write it again with coroguard --write-summaries)");
  const llvm::json::Object *Files = O->getObject("files");
  const llvm::json::Array *Functions = O->getArray("functions");
  if (!Files || !Functions)
    return llvm::createStringError("'" + Path +
                                   "' lacks its 'files' or 'functions'");
  // A file changed since: its functions' facts may be wrong; they are left
  // out, which is never worse than having no summary of them.
  llvm::StringMap<bool> Current;
  for (const auto &[File, Hash] : *Files) {
    std::optional<llvm::StringRef> Recorded = Hash.getAsString();
    Current[File.str()] =
        Recorded && !Recorded->empty() && contentHash(File.str()) == *Recorded;
  }
  FactBase Base;
  for (const llvm::json::Value &V : *Functions) {
    std::optional<FunctionFacts> F = factsFromJson(V);
    if (!F)
      return llvm::createStringError("'" + Path +
                                     "' holds a malformed function entry");
    if (llvm::all_of(filesOf(*F), [&](llvm::StringRef File) {
          return Current.lookup(File);
        }))
      Base.add(std::move(*F));
    else if (Stale)
      ++*Stale;
  }
  Base.resolve();
  return Base;
}

} // namespace clang::coroguard::project
