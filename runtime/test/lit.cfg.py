# lit configuration for the runtime profiler's tests.
import os
import lit.formats

config.name = "concur-runtime"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.runtime_obj_root
config.excludes = ["Inputs", "unit", "CMakeLists.txt"]
# The install test builds a consumer project against the installed tree.
config.environment["PATH"] = os.environ.get("PATH", "")

inputs = os.path.join(config.test_source_root, "Inputs")
config.substitutions.append(("%test-workloads", config.test_workloads))
config.substitutions.append(("%concur-profile", config.concur_profile))
config.substitutions.append(("%classic", config.classic))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(
    ("%expect-exit", config.python + " " + os.path.join(inputs, "expect_exit.py")))
config.substitutions.append(
    ("%check-reaped", config.python + " " + os.path.join(inputs, "check_reaped.py")))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%build_root", config.build_root))
config.substitutions.append(("%src_root", os.path.dirname(config.test_source_root)))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%count", config.count))
config.substitutions.append(("%not", config.not_tool))

# Tests must not depend on the user's terminal; stderr progress lines only
# appear on a terminal anyway.
config.environment["TERM"] = "dumb"
config.environment.pop("CONCUR_TEST_LOG", None)
