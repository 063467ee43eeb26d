//===--- ModelDump.cpp ----------------------------------------------------===//

#include "ModelDump.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::ordered_json;
using namespace clang::coroguard;

namespace {

template <class Entry, class Fn>
json table(const ResourceModel::Table<Entry> &T, Fn Fields) {
  json Array = json::array();
  for (const auto &[Name, Sourced] : T) {
    json J = {{"name", Sourced.Value.Name}};
    Fields(Sourced.Value, J);
    if (!Sourced.Value.Note.empty())
      J["note"] = Sourced.Value.Note;
    J["fromProfile"] = Sourced.Profile;
    Array.push_back(std::move(J));
  }
  return Array;
}

void none(const NamedEntry &, json &) {}

json callReplacement(const CallReplacement &R) {
  json One;
  One["text"] = R.Text;
  if (!R.TaskType.empty())
    One["taskType"] = R.TaskType;
  if (R.Arguments)
    One["arguments"] = *R.Arguments;
  if (!R.Include.empty())
    One["include"] = R.Include;
  return One;
}

} // namespace

void writeModelJson(const ResourceModel &Model, llvm::raw_ostream &OS) {
  json Doc;
  Doc["profile"] = "effective";
  Doc["description"] = "The merged model coroguard uses; 'fromProfile' "
                       "names where each entry comes from.";
  Doc["mergedFrom"] = Model.origins();
  Doc["taskTypes"] =
      table(Model.taskTypes(), [](const TaskTypeEntry &E, json &J) {
        J["lazy"] = E.Lazy;
        if (!E.Lazy && E.OnDiscard != TaskTypeEntry::Discard::Detaches)
          J["discard"] = E.OnDiscard == TaskTypeEntry::Discard::Cancels
                             ? "cancels"
                             : "blocks";
        if (!E.ScopeFunction.empty())
          J["scopeFunction"] = E.ScopeFunction;
      });
  Doc["resourceTypes"] =
      table(Model.resourceTypes(), [](const ResourceTypeEntry &E, json &J) {
        J["release"] = E.Release;
        J["awaited"] = E.Awaited;
        if (!E.Guard.empty())
          J["guard"] = E.Guard;
        if (!E.GuardNote.empty())
          J["guardNote"] = E.GuardNote;
        for (const CallReplacement &R : E.ReleaseCall)
          J["releaseCall"].push_back(callReplacement(R));
        if (!E.ScopeFunction.empty())
          J["scopeFunction"] = E.ScopeFunction;
      });
  Doc["blockingFunctions"] = table(
      Model.blockingFunctions(), [](const BlockingFunctionEntry &E, json &J) {
        if (!E.Alternative.empty())
          J["alternative"] = E.Alternative;
        if (!E.FirstArgument.empty())
          J["firstArgument"] = E.FirstArgument;
        if (E.DescriptorArgument)
          J["descriptorArgument"] = *E.DescriptorArgument;
        if (E.FlagsArgument)
          J["flagsArgument"] = *E.FlagsArgument;
        for (const CallReplacement &R : E.Replacements)
          J["replacement"].push_back(callReplacement(R));
      });
  Doc["guards"] = table(Model.guards(), [](const GuardEntry &E, json &J) {
    J["kind"] = E.GuardKind == GuardEntry::Kind::Function ? "function" : "type";
  });
  Doc["exceptionSinks"] =
      table(Model.exceptionSinks(), [](const ExceptionSinkEntry &E, json &J) {
        switch (E.SinkKind) {
        case ExceptionSinkEntry::Kind::Token:
          J["kind"] = "token";
          break;
        case ExceptionSinkEntry::Kind::Function:
          J["kind"] = "function";
          break;
        case ExceptionSinkEntry::Kind::Callback:
          J["kind"] = "callback";
          break;
        }
        if (!E.Replacement.empty())
          J["replacement"] = E.Replacement;
        if (!E.ReportingReplacement.empty())
          J["reportingReplacement"] = E.ReportingReplacement;
      });
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  Doc[#Key] = table(Model.Key(), none);
#include "model/NamedSections.def"
  OS << Doc.dump(2) << "\n";
}

} // namespace clang::coroguard
