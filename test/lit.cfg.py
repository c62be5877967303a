# lit configuration for concur's test suites.
import os
import lit.formats

config.name = "concur"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.concur_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "unit", "corpus"]

config.substitutions.append(("%concur", os.path.join(config.concur_bin_dir, "concur")))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%not", config.not_tool))
config.substitutions.append(("%clang_apply_replacements", config.clang_apply_replacements))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%src_root", config.concur_src_root))

# The runtime profiler is built unless CONCUR_BUILD_RUNTIME is off.
if os.path.exists(os.path.join(config.concur_bin_dir, "concur-profile")):
    config.available_features.add("runtime")

# Microsoft's SARIF Multitool, installed by scripts/install-deps from npm;
# the validation test is skipped only where it is truly absent.
import shutil
sarif_multitool = shutil.which("sarif-multitool")
if sarif_multitool:
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_multitool", sarif_multitool))

# Tests must not depend on the user's terminal or a config above the tree.
config.environment["TERM"] = "dumb"
for var in ["CONCUR_RESOURCE_DIR"]:
    config.environment.pop(var, None)
