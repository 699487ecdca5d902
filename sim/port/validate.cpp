// SPDX-License-Identifier: Apache-2.0
#include "sim/port/validate.h"

#include <sstream>
#include <stdexcept>

#include "sim/port/validate_checks.h"

namespace sim::app {

std::vector<CheckResult> validate_port(const ValidateInput& input) {
  checks::Results r;
  checks::check_board(input, r);
  if (input.linux_dt) checks::check_linux_dt(input, *input.linux_dt, r);
  if (input.zephyr_dt) checks::check_zephyr_dt(input, *input.zephyr_dt, r);
  if (input.firmware) checks::check_firmware(input, *input.firmware, r);
  return r.take();
}

Artefacts load_artefacts(const std::vector<std::string>& dts, const std::string& elf) {
  Artefacts a;
  for (const std::string& file : dts) {
    artefacts::DeviceTree dt = artefacts::load_device_tree(file);
    std::optional<artefacts::DeviceTree>& slot = dt.is_zephyr() ? a.zephyr_dt : a.linux_dt;
    if (slot)
      throw std::invalid_argument("--dts " + file + ": a second " +
                                  (dt.is_zephyr() ? "Zephyr" : "Linux") + " device tree (after " +
                                  slot->file + ")");
    slot = std::move(dt);
  }
  if (!elf.empty()) a.firmware = artefacts::load_firmware(elf);
  return a;
}

bool has_errors(const std::vector<CheckResult>& results) {
  for (const CheckResult& r : results)
    if (r.status == CheckStatus::kError) return true;
  return false;
}

std::string validation_text(const std::vector<CheckResult>& results) {
  std::ostringstream os;
  std::size_t errors = 0, warnings = 0;
  for (const CheckResult& c : results) {
    const char* label = c.status == CheckStatus::kOk        ? "ok      "
                        : c.status == CheckStatus::kWarning ? "warning "
                                                            : "ERROR   ";
    errors += c.status == CheckStatus::kError ? 1 : 0;
    warnings += c.status == CheckStatus::kWarning ? 1 : 0;
    os << label << "  " << c.text << "\n";
    if (c.status != CheckStatus::kOk)
      for (const std::string& s : c.sources) os << "            " << s << "\n";
  }
  os << "result    " << errors << " error(s), " << warnings << " warning(s), "
     << results.size() - errors - warnings << " check(s) passed\n";
  return os.str();
}

} // namespace sim::app
