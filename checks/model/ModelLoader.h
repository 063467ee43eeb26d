//===--- ModelLoader.h - builds the effective model of a run --------------===//

#ifndef COROGUARD_CHECKS_MODEL_MODELLOADER_H
#define COROGUARD_CHECKS_MODEL_MODELLOADER_H

#include "ResourceModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::coroguard {

/// The built-in profiles (profiles/*.json, embedded at build time), parsed
/// once per process and never changed afterwards.
const std::vector<ModelDocument> &builtinProfiles();

/// The built-in profiles merged with \p UserFiles, in order (later files
/// override earlier entries); an error names the bad file, line and column:
/// nothing is analysed with a half-read model.
///
/// The one place a model is built. Models are cached for the process by
/// file list and each file's identity, size and modification time, so all
/// checks and all translation units of a run (and every file one clangd
/// opens) share one immutable model, and an edited model file is read again.
llvm::Expected<std::shared_ptr<const ResourceModel>>
loadModel(llvm::ArrayRef<std::string> UserFiles);

/// Check option keys shared by every coroguard check.
namespace options {
/// `;`-separated model files, relative to the `.clang-tidy` that sets them.
inline constexpr llvm::StringLiteral ModelFiles = "coroguard.ModelFiles";
/// Model files added by the command line (absolute paths); read after
/// ModelFiles.
inline constexpr llvm::StringLiteral ExtraModelFiles =
    "coroguard.ExtraModelFiles";
/// Infer async resources and task types from class shapes.
inline constexpr llvm::StringLiteral InferResources =
    "coroguard.InferResources";
/// Member names that make a class an async resource when their return type
/// is awaitable.
inline constexpr llvm::StringLiteral CleanupNames = "coroguard.CleanupNames";
inline constexpr llvm::StringLiteral DefaultCleanupNames =
    "close;aclose;async_close;shutdown;async_shutdown;stop;join;disconnect;"
    "commit;rollback";
/// Which calls may throw in the path analyses: user, all or none
/// (analysis/MayThrow.h).
inline constexpr llvm::StringLiteral ThrowingCalls = "coroguard.ThrowingCalls";
/// Which fix-its resource findings get: `library` (the library's own guard
/// or scope function where the model names one, else the portable
/// rewrite) or `portable` (always the portable rewrite).
inline constexpr llvm::StringLiteral FixStyle = "coroguard.FixStyle";
/// The function a completion handler hands a dropped error to where
/// rethrowing it would stop more than the failed work (a spawn per
/// connection): `void report(std::exception_ptr)`.
inline constexpr llvm::StringLiteral ErrorReporter = "coroguard.ErrorReporter";
/// How inserted #include lines are ordered: `llvm` or `google`.
inline constexpr llvm::StringLiteral IncludeStyle = "coroguard.IncludeStyle";
/// The summary file (`coroguard --write-summaries`) that tells the plugin
/// and coroguard-clangd what functions of other files do; relative to the
/// analysed file's directory or an ancestor of it. Empty: the nearest
/// `coroguard-summaries.json` in the file's directory or above.
inline constexpr llvm::StringLiteral SummaryFile = "coroguard.SummaryFile";
inline constexpr llvm::StringLiteral DefaultSummaryFileName =
    "coroguard-summaries.json";
} // namespace options

/// Resolves the `;`-separated \p Value of coroguard.ModelFiles for the
/// translation unit \p MainFile: relative names are taken relative to the
/// nearest `.clang-tidy` above \p MainFile that sets the option, else to
/// the current directory.
std::vector<std::string> resolveModelFiles(llvm::StringRef Value,
                                           llvm::StringRef MainFile);

/// Splits a `;`-separated list, trimming blanks and dropping empty items.
std::vector<std::string> splitList(llvm::StringRef Value);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_MODEL_MODELLOADER_H
