//===- Args.h - A small command-line reader with one-line errors ----------===//

#ifndef CONCUR_RUNTIME_SUPPORT_ARGS_H
#define CONCUR_RUNTIME_SUPPORT_ARGS_H

#include "support/Errors.h"

#include <string>
#include <vector>

namespace concur::runtime {

/// Walks argv accepting "--name value" and "--name=value" alike.
class ArgReader {
public:
  ArgReader(int Argc, char **Argv) : Args(Argv + 1, Argv + Argc) {}

  bool done() const { return Index >= Args.size(); }
  const std::string &peek() const { return Args[Index]; }

  /// True and consumes the flag when the next argument is Name.
  bool flag(const std::string &Name) {
    if (Args[Index] != Name)
      return false;
    ++Index;
    return true;
  }

  /// True, consumes the option and stores its value when the next argument
  /// is Name (followed by a value) or Name=value.
  bool option(const std::string &Name, std::string &Value) {
    const std::string &Arg = Args[Index];
    if (Arg.size() > Name.size() && Arg.compare(0, Name.size(), Name) == 0 &&
        Arg[Name.size()] == '=') {
      Value = Arg.substr(Name.size() + 1);
      ++Index;
      return true;
    }
    if (Arg != Name)
      return false;
    if (Index + 1 >= Args.size())
      throw UsageError("option " + Name + " needs a value; see --help");
    Value = Args[Index + 1];
    Index += 2;
    return true;
  }

  std::string next() { return Args[Index++]; }

private:
  std::vector<std::string> Args;
  size_t Index = 0;
};

/// A positive whole number, or UsageError naming the option.
inline unsigned parsePositive(const std::string &Text, const std::string &Name,
                              unsigned Max = 1000000) {
  size_t Used = 0;
  unsigned long Value = 0;
  try {
    Value = std::stoul(Text, &Used);
  } catch (...) {
    Used = 0;
  }
  if (Used == 0 || Used != Text.size() || Value == 0 || Value > Max ||
      Text[0] == '-')
    throw UsageError(Name + " '" + Text + "' is not a whole number from 1 to " +
                     std::to_string(Max) + "; pass for example " + Name + " 3");
  return static_cast<unsigned>(Value);
}

/// A positive number of seconds, or UsageError naming the option.
inline double parseSeconds(const std::string &Text, const std::string &Name) {
  size_t Used = 0;
  double Value = 0;
  try {
    Value = std::stod(Text, &Used);
  } catch (...) {
    Used = 0;
  }
  if (Used == 0 || Used != Text.size() || !(Value > 0) || Value > 86400)
    throw UsageError(Name + " '" + Text +
                     "' is not a number of seconds above 0; pass for "
                     "example " +
                     Name + " 60");
  return Value;
}

/// --format's value: true for json, false for text, UsageError otherwise.
inline bool parseJsonFormat(const std::string &Value) {
  if (Value != "text" && Value != "json")
    throw UsageError("--format '" + Value + "' is unknown; use text or json");
  return Value == "json";
}

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_ARGS_H
