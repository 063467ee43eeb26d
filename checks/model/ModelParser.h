//===--- ModelParser.h - reads model documents (JSON) strictly ------------===//

#ifndef COROGUARD_CHECKS_MODEL_MODELPARSER_H
#define COROGUARD_CHECKS_MODEL_MODELPARSER_H

#include "ResourceModel.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace clang::coroguard {

/// Parses \p Text, a model document in the format of
/// profiles/model.schema.json. Strict: unknown keys, wrong types, missing
/// required keys and duplicate keys are errors, one line each:
/// `<origin>:<line>:<col>: <what is wrong>`.
llvm::Expected<ModelDocument> parseModelDocument(llvm::StringRef Text,
                                                 llvm::StringRef Origin);

/// Reads and parses the model file at \p Path.
llvm::Expected<ModelDocument> readModelFile(llvm::StringRef Path);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_MODEL_MODELPARSER_H
