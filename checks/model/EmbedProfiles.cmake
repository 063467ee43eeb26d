# Writes ${OUTPUT}: a C++ array of the JSON files ${PROFILES} (a ;-list), so
# the binaries need no data files at run time. Run with cmake -P.
string(REPLACE "|" ";" PROFILES "${PROFILES}")
set(body "")
foreach(profile IN LISTS PROFILES)
  file(READ "${profile}" text)
  get_filename_component(name "${profile}" NAME)
  string(APPEND body "    {\"${name}\", R\"coroguard_json(${text})coroguard_json\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from profiles/*.json by EmbedProfiles.cmake; do not edit.\n"
  "const EmbeddedProfile EmbeddedProfiles[] = {\n${body}};\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
