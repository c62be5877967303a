# Every target that includes LLVM or Clang headers must match how Debian built
# LLVM: no RTTI. Exceptions stay on for nlohmann_json; none crosses LLVM code.
function(concur_llvm_settings target)
  target_include_directories(${target} SYSTEM PUBLIC
                             ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
  separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(${target} PUBLIC ${_llvm_defs})
  target_compile_options(${target} PUBLIC -fno-rtti)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter
                         -Wno-nonnull -Wno-missing-field-initializers)
endfunction()

function(concur_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  concur_llvm_settings(${name})
  target_link_libraries(${name} PUBLIC ${ARG_LINK})
endfunction()
