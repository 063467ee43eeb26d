//===--- ModelParser.h - reads model documents (JSON) strictly ------------===//

#ifndef COROGUARD_CHECKS_MODEL_MODELPARSER_H
#define COROGUARD_CHECKS_MODEL_MODELPARSER_H

#include "ResourceModel.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace clang::coroguard {

/// Parses \p Text, a model document in the format of
/// profiles/model.schema.json. Strict: unknown keys, wrong types, missing
/// required keys and duplicate keys are errors. On failure returns nothing
/// and sets \p Error to one line `<origin>:<line>:<col>: <what is wrong>`.
std::optional<ModelDocument> parseModelDocument(llvm::StringRef Text,
                                                llvm::StringRef Origin,
                                                std::string &Error);

/// Reads and parses the model file at \p Path.
std::optional<ModelDocument> readModelFile(llvm::StringRef Path,
                                           std::string &Error);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_MODEL_MODELPARSER_H
