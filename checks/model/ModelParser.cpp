//===--- ModelParser.cpp --------------------------------------------------===//
//
// JSON is read with LLVM's YAML parser (JSON is its flow subset) because it
// keeps source locations, so every error names a line and column. Scalars
// are told apart by their quoting: JSON strings are double-quoted, booleans
// are bare true/false.
//
//===----------------------------------------------------------------------===//

#include "ModelParser.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <functional>

namespace clang::coroguard {

namespace {

namespace yaml = llvm::yaml;

class Reader {
public:
  Reader(llvm::StringRef Text, llvm::StringRef Origin)
      : Buffer(llvm::MemoryBuffer::getMemBuffer(Text, Origin,
                                                /*RequiresNull=*/false)) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Context) {
          auto *Self = static_cast<Reader *>(Context);
          if (Self->Error.empty())
            Self->Error =
                (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
                 llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                    .str();
        },
        this);
  }

  std::optional<ModelDocument> read(std::string &ErrorOut) {
    yaml::Stream Stream(Buffer->getMemBufferRef(), SM);
    Str = &Stream;
    ModelDocument Doc;
    Doc.Origin = Buffer->getBufferIdentifier().str();
    auto It = Stream.begin();
    if (It == Stream.end() || !It->getRoot()) {
      Error = Doc.Origin + ":1:1: empty model file";
    } else if (auto *Root = asMapping(It->getRoot(), "the model")) {
      readDocument(*Root, Doc);
    }
    if (Error.empty() && Stream.failed())
      Error = Doc.Origin + ": invalid JSON";
    if (!Error.empty()) {
      ErrorOut = Error;
      return std::nullopt;
    }
    return Doc;
  }

private:
  using Fields = std::vector<
      std::pair<llvm::StringRef, std::function<void(yaml::Node &)>>>;

  void fail(yaml::Node &N, const llvm::Twine &Message) {
    if (Error.empty())
      Str->printError(&N, Message);
  }

  yaml::MappingNode *asMapping(yaml::Node *N, llvm::StringRef What) {
    if (auto *M = llvm::dyn_cast_or_null<yaml::MappingNode>(N))
      return M;
    if (N)
      fail(*N, What + llvm::Twine(" must be an object"));
    return nullptr;
  }

  /// Walks the keys of \p M, dispatching to \p Known; anything else is an
  /// error, and so is a missing key of \p Required.
  void readObject(yaml::MappingNode &M, llvm::StringRef What,
                  const Fields &Known,
                  std::initializer_list<llvm::StringRef> Required) {
    llvm::StringSet<> Seen;
    for (yaml::KeyValueNode &KV : M) {
      if (!Error.empty())
        return;
      auto *Key = llvm::dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
      if (!Key) {
        fail(M, "expected a string key in " + What);
        return;
      }
      llvm::SmallString<32> Storage;
      llvm::StringRef Name = Key->getValue(Storage);
      if (!Seen.insert(Name).second) {
        fail(*Key, "duplicate key '" + Name + "' in " + What);
        return;
      }
      auto Field =
          llvm::find_if(Known, [&](const auto &F) { return F.first == Name; });
      if (Field == Known.end()) {
        std::string Allowed;
        for (const auto &F : Known)
          Allowed += (Allowed.empty() ? "" : ", ") + F.first.str();
        fail(*Key, "unknown key '" + Name + "' in " + What + " (expected " +
                       Allowed + ")");
        return;
      }
      yaml::Node *Value = KV.getValue();
      if (!Value) {
        fail(*Key, "missing value for '" + Name + "'");
        return;
      }
      Field->second(*Value);
    }
    if (!Error.empty())
      return;
    for (llvm::StringRef R : Required)
      if (!Seen.count(R)) {
        fail(M, What + " needs the key '" + R + "'");
        return;
      }
  }

  std::string string(yaml::Node &N, llvm::StringRef What) {
    auto *S = llvm::dyn_cast<yaml::ScalarNode>(&N);
    if (!S || !S->getRawValue().starts_with("\"")) {
      fail(N, What + llvm::Twine(" must be a string"));
      return {};
    }
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }

  /// A qualified C++ name: identifiers joined by '::', no template
  /// arguments, no leading '::'.
  std::string name(yaml::Node &N, llvm::StringRef What) {
    std::string Value = string(N, What);
    if (!Error.empty())
      return Value;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Value).split(Parts, "::");
    bool Valid = !Value.empty();
    for (llvm::StringRef Part : Parts) {
      llvm::StringRef Id = Part.starts_with("~") ? Part.drop_front() : Part;
      Valid &= !Id.empty() && !isDigit(Id.front()) &&
               llvm::all_of(Id, [](char C) { return isAlnum(C) || C == '_'; });
    }
    if (!Valid)
      fail(N, "'" + Value +
                  "' is not a qualified C++ name (write "
                  "'ns::Class::member', without template "
                  "arguments or a leading '::')");
    return Value;
  }

  static bool isDigit(char C) { return C >= '0' && C <= '9'; }
  static bool isAlnum(char C) {
    return isDigit(C) || (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z');
  }

  bool boolean(yaml::Node &N, llvm::StringRef What) {
    auto *S = llvm::dyn_cast<yaml::ScalarNode>(&N);
    // A plain scalar's raw text may run on to the end of its line.
    llvm::StringRef Raw = S ? S->getRawValue().rtrim() : "";
    if (Raw == "true")
      return true;
    if (Raw == "false")
      return false;
    fail(N, What + llvm::Twine(" must be true or false"));
    return false;
  }

  /// An argument position: an integer from 0.
  unsigned index(yaml::Node &N, llvm::StringRef What) {
    auto *S = llvm::dyn_cast<yaml::ScalarNode>(&N);
    llvm::StringRef Raw = S ? S->getRawValue().rtrim() : "";
    unsigned Value = 0;
    if (Raw.empty() || Raw.getAsInteger(10, Value) || Value > 64) {
      fail(N, What + llvm::Twine(" must be an argument position (0, 1, ...)"));
      return 0;
    }
    return Value;
  }

  template <class Fn>
  void array(yaml::Node &N, llvm::StringRef What, Fn Element) {
    auto *Seq = llvm::dyn_cast<yaml::SequenceNode>(&N);
    if (!Seq) {
      fail(N, What + llvm::Twine(" must be an array"));
      return;
    }
    for (yaml::Node &Item : *Seq) {
      if (!Error.empty())
        return;
      Element(Item);
    }
  }

  template <class Entry, class Fn>
  void entries(yaml::Node &N, llvm::StringRef What, std::vector<Entry> &Out,
               Fn ReadOne) {
    array(N, What, [&](yaml::Node &Item) {
      auto *M = asMapping(&Item, ("an entry of '" + What + "'").str());
      if (!M)
        return;
      Entry E;
      ReadOne(*M, E);
      Out.push_back(std::move(E));
    });
  }

  void readNamed(yaml::Node &N, llvm::StringRef What,
                 std::vector<NamedEntry> &Out) {
    entries(N, What, Out, [&](yaml::MappingNode &M, NamedEntry &E) {
      readObject(
          M, "an entry of '" + What.str() + "'",
          {{"name", [&](yaml::Node &V) { E.Name = name(V, "'name'"); }},
           {"note", [&](yaml::Node &V) { E.Note = string(V, "'note'"); }}},
          {"name"});
    });
  }

  /// A blocking function's replacement or a resource's releaseCall: one
  /// template, or a list of templates with the conditions under which each
  /// applies.
  void readReplacements(yaml::Node &N, llvm::StringRef Key,
                        std::vector<CallReplacement> &Out) {
    if (llvm::isa<yaml::ScalarNode>(N)) {
      Out.push_back({string(N, ("'" + Key + "'").str()), "", std::nullopt, ""});
      return;
    }
    entries(N, Key, Out, [&](yaml::MappingNode &M, CallReplacement &R) {
      readObject(
          M, "a replacement",
          {{"text", [&](yaml::Node &X) { R.Text = string(X, "'text'"); }},
           {"taskType",
            [&](yaml::Node &X) { R.TaskType = name(X, "'taskType'"); }},
           {"arguments",
            [&](yaml::Node &X) {
              R.Arguments = index(X, "'arguments'");
              if (Key == "releaseCall")
                fail(X, "'arguments' is a condition of a replacement, "
                        "not of a releaseCall");
            }},
           {"include",
            [&](yaml::Node &X) {
              R.Include = string(X, "'include'");
              llvm::StringRef Header = R.Include;
              if (Error.empty() &&
                  !(Header.size() > 2 &&
                    ((Header.starts_with("<") && Header.ends_with(">")) ||
                     (Header.starts_with("\"") && Header.ends_with("\"")))))
                fail(X, "'include' is a header in <> or \"\"");
            }}},
          {"text"});
    });
  }

  void readDocument(yaml::MappingNode &Root, ModelDocument &Doc) {
    readObject(
        Root, "the model",
        {
            {"$schema", [&](yaml::Node &V) { string(V, "'$schema'"); }},
            {"profile",
             [&](yaml::Node &V) { Doc.Profile = string(V, "'profile'"); }},
            {"description",
             [&](yaml::Node &V) {
               Doc.Description = string(V, "'description'");
             }},
            {"follows",
             [&](yaml::Node &V) { Doc.Follows = string(V, "'follows'"); }},
            {"taskTypes",
             [&](yaml::Node &V) {
               entries(
                   V, "taskTypes", Doc.TaskTypes,
                   [&](yaml::MappingNode &M, TaskTypeEntry &E) {
                     readObject(
                         M, "a task type",
                         {{"name",
                           [&](yaml::Node &X) { E.Name = name(X, "'name'"); }},
                          {"lazy",
                           [&](yaml::Node &X) {
                             E.Lazy = boolean(X, "'lazy'");
                           }},
                          {"discard",
                           [&](yaml::Node &X) {
                             std::string D = string(X, "'discard'");
                             if (D == "detaches")
                               E.OnDiscard = TaskTypeEntry::Discard::Detaches;
                             else if (D == "cancels")
                               E.OnDiscard = TaskTypeEntry::Discard::Cancels;
                             else if (D == "blocks")
                               E.OnDiscard = TaskTypeEntry::Discard::Blocks;
                             else if (Error.empty())
                               fail(X, "'discard' must be \"detaches\", "
                                       "\"cancels\" or \"blocks\"");
                           }},
                          {"scopeFunction",
                           [&](yaml::Node &X) {
                             E.ScopeFunction = string(X, "'scopeFunction'");
                           }},
                          {"note",
                           [&](yaml::Node &X) {
                             E.Note = string(X, "'note'");
                           }}},
                         {"name", "lazy"});
                   });
             }},
            {"resourceTypes",
             [&](yaml::Node &V) {
               entries(
                   V, "resourceTypes", Doc.ResourceTypes,
                   [&](yaml::MappingNode &M, ResourceTypeEntry &E) {
                     readObject(
                         M, "a resource type",
                         {{"name",
                           [&](yaml::Node &X) { E.Name = name(X, "'name'"); }},
                          {"release",
                           [&](yaml::Node &X) {
                             array(X, "'release'", [&](yaml::Node &R) {
                               std::string Method = name(R, "a release method");
                               if (Error.empty() &&
                                   llvm::StringRef(Method).contains("::"))
                                 fail(R, "a release method is a member name "
                                         "without qualification, e.g. "
                                         "\"close\"");
                               E.Release.push_back(std::move(Method));
                             });
                             if (Error.empty() && E.Release.empty())
                               fail(X, "'release' needs at least one method");
                           }},
                          {"awaited",
                           [&](yaml::Node &X) {
                             E.Awaited = boolean(X, "'awaited'");
                           }},
                          {"guard",
                           [&](yaml::Node &X) {
                             E.Guard = string(X, "'guard'");
                           }},
                          {"guardNote",
                           [&](yaml::Node &X) {
                             E.GuardNote = string(X, "'guardNote'");
                           }},
                          {"releaseCall",
                           [&](yaml::Node &X) {
                             readReplacements(X, "releaseCall", E.ReleaseCall);
                           }},
                          {"scopeFunction",
                           [&](yaml::Node &X) {
                             E.ScopeFunction = string(X, "'scopeFunction'");
                           }},
                          {"note",
                           [&](yaml::Node &X) {
                             E.Note = string(X, "'note'");
                           }}},
                         {"name", "release"});
                   });
             }},
            {"blockingFunctions",
             [&](yaml::Node &V) {
               entries(
                   V, "blockingFunctions", Doc.BlockingFunctions,
                   [&](yaml::MappingNode &M, BlockingFunctionEntry &E) {
                     readObject(
                         M, "a blocking function",
                         {{"name",
                           [&](yaml::Node &X) { E.Name = name(X, "'name'"); }},
                          {"alternative",
                           [&](yaml::Node &X) {
                             E.Alternative = string(X, "'alternative'");
                           }},
                          {"firstArgument",
                           [&](yaml::Node &X) {
                             E.FirstArgument = name(X, "'firstArgument'");
                           }},
                          {"descriptorArgument",
                           [&](yaml::Node &X) {
                             E.DescriptorArgument =
                                 index(X, "'descriptorArgument'");
                           }},
                          {"flagsArgument",
                           [&](yaml::Node &X) {
                             E.FlagsArgument = index(X, "'flagsArgument'");
                           }},
                          {"replacement",
                           [&](yaml::Node &X) {
                             readReplacements(X, "replacement", E.Replacements);
                           }},
                          {"note",
                           [&](yaml::Node &X) {
                             E.Note = string(X, "'note'");
                           }}},
                         {"name"});
                   });
             }},
            {"guards",
             [&](yaml::Node &V) {
               entries(
                   V, "guards", Doc.Guards,
                   [&](yaml::MappingNode &M, GuardEntry &E) {
                     readObject(
                         M, "a guard",
                         {{"name",
                           [&](yaml::Node &X) { E.Name = name(X, "'name'"); }},
                          {"kind",
                           [&](yaml::Node &X) {
                             std::string K = string(X, "'kind'");
                             if (K == "function")
                               E.GuardKind = GuardEntry::Kind::Function;
                             else if (K == "type")
                               E.GuardKind = GuardEntry::Kind::Type;
                             else if (Error.empty())
                               fail(X, "'kind' of a guard must be \"function\" "
                                       "or \"type\"");
                           }},
                          {"note",
                           [&](yaml::Node &X) {
                             E.Note = string(X, "'note'");
                           }}},
                         {"name", "kind"});
                   });
             }},
            {"exceptionSinks",
             [&](yaml::Node &V) {
               entries(
                   V, "exceptionSinks", Doc.ExceptionSinks,
                   [&](yaml::MappingNode &M, ExceptionSinkEntry &E) {
                     readObject(
                         M, "an exception sink",
                         {{"name",
                           [&](yaml::Node &X) { E.Name = name(X, "'name'"); }},
                          {"kind",
                           [&](yaml::Node &X) {
                             std::string K = string(X, "'kind'");
                             if (K == "token")
                               E.SinkKind = ExceptionSinkEntry::Kind::Token;
                             else if (K == "function")
                               E.SinkKind = ExceptionSinkEntry::Kind::Function;
                             else if (K == "callback")
                               E.SinkKind = ExceptionSinkEntry::Kind::Callback;
                             else if (Error.empty())
                               fail(X, "'kind' of an exception sink must be "
                                       "\"token\", \"function\" or "
                                       "\"callback\"");
                           }},
                          {"replacement",
                           [&](yaml::Node &X) {
                             E.Replacement = string(X, "'replacement'");
                           }},
                          {"reportingReplacement",
                           [&](yaml::Node &X) {
                             E.ReportingReplacement =
                                 string(X, "'reportingReplacement'");
                           }},
                          {"note",
                           [&](yaml::Node &X) {
                             E.Note = string(X, "'note'");
                           }}},
                         {"name", "kind"});
                   });
             }},
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  {#Key, [&](yaml::Node &V) { readNamed(V, #Key, Doc.Member); }},
#include "NamedSections.def"
        },
        {"profile"});
  }

  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  llvm::SourceMgr SM;
  yaml::Stream *Str = nullptr;
  std::string Error;
};

} // namespace

/// The YAML parser accepts more than JSON (missing commas between flow
/// entries, for one), so the text is first checked by LLVM's strict JSON
/// parser, whose errors carry a line and column too.
static bool checkJsonSyntax(llvm::StringRef Text, llvm::StringRef Origin,
                            std::string &Error) {
  if (Text.trim().empty()) {
    Error = Origin.str() + ":1:1: empty model file";
    return false;
  }
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (Parsed)
    return true;
  // ParseError prints "[line:column, byte=offset]: message".
  std::string Message = llvm::toString(Parsed.takeError());
  unsigned Line = 0, Column = 0;
  llvm::StringRef Rest = Message;
  if (Rest.consume_front("[") && !Rest.consumeInteger(10, Line) &&
      Rest.consume_front(":") && !Rest.consumeInteger(10, Column)) {
    auto Colon = Rest.find("]: ");
    Error = (Origin + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Column) +
             ": invalid JSON: " +
             (Colon == llvm::StringRef::npos ? Rest : Rest.substr(Colon + 3)))
                .str();
  } else {
    Error = (Origin + ": invalid JSON: " + Message).str();
  }
  return false;
}

llvm::Expected<ModelDocument> parseModelDocument(llvm::StringRef Text,
                                                 llvm::StringRef Origin) {
  std::string Error;
  if (!checkJsonSyntax(Text, Origin, Error))
    return llvm::createStringError(Error);
  Reader R(Text, Origin);
  if (std::optional<ModelDocument> Doc = R.read(Error))
    return std::move(*Doc);
  return llvm::createStringError(Error);
}

llvm::Expected<ModelDocument> readModelFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(
        Path + ": cannot read model file: " + Buffer.getError().message());
  return parseModelDocument((*Buffer)->getBuffer(), Path);
}

} // namespace clang::coroguard
