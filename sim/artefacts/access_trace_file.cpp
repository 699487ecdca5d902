// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/access_trace_file.h"

#include <algorithm>
#include <cctype>

#include <istream>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "sim/artefacts/device_tree.h"
#include "sw/shm/hex.h"

namespace sim::app {
namespace {

using Op = SharedAccess::Op;

constexpr const char* kOpNames[] = {"read", "write", "clean", "invalidate", "clean+invalidate"};

} // namespace

const char* op_name(Op op) {
  return kOpNames[static_cast<std::size_t>(op)];
}

std::optional<Op> parse_op(const std::string& name) {
  for (std::size_t i = 0; i < std::size(kOpNames); ++i)
    if (name == kOpNames[i]) return static_cast<Op>(i);
  return std::nullopt;
}

void write_access_trace(std::ostream& out, const std::vector<SharedAccess>& accesses) {
  out << "time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\n";
  for (const SharedAccess& a : accesses) {
    const char* flags =
        a.maintenance() ? (a.skipped ? "skipped" : "-") : (a.cached ? "cached" : "uncached");
    out << a.time_ps << '\t' << op_name(a.op) << '\t' << sw::shm::hex(a.addr) << '\t' << a.size
        << '\t' << a.name << '\t' << flags << '\t' << (a.value.empty() ? "-" : a.value) << '\t'
        << (a.site.empty() ? "-" : a.site) << '\n';
  }
}

std::vector<SharedAccess> read_access_trace(std::istream& in, const std::string& file) {
  std::vector<SharedAccess> out;
  std::string line;
  unsigned number = 0;
  const auto fail = [&](const std::string& what) {
    throw artefacts::ArtefactError(file + ":" + std::to_string(number) + ": " + what);
  };
  // Digits only (no sign, no blank): what write_access_trace writes.
  const auto number_in = [&](const std::string& text, int base, const char* what) {
    const std::size_t skip = base == 16 && text.rfind("0x", 0) == 0 ? 2 : 0;
    const bool digits =
        text.size() > skip && text.size() - skip <= (base == 16 ? 16u : 19u) &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(skip), text.end(), [&](char c) {
          return base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                            : std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
    if (!digits) fail(std::string(what) + " '" + text + "' is not a number");
    return std::stoull(text.substr(skip), nullptr, base);
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1) {
      if (line.rfind("time_ps\top\t", 0) != 0) fail("not an access trace (no header)");
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    if (cols.size() != 8)
      fail("expected 8 tab-separated columns, got " + std::to_string(cols.size()));
    SharedAccess a;
    const std::optional<Op> op = parse_op(cols[1]);
    if (!op) fail("unknown operation '" + cols[1] + "'");
    a.op = *op;
    a.time_ps = number_in(cols[0], 10, "time");
    a.addr = number_in(cols[2], 16, "address");
    a.size = number_in(cols[3], 10, "size");
    const std::string& flags = cols[5];
    if (a.maintenance() ? flags != "-" && flags != "skipped"
                        : flags != "cached" && flags != "uncached")
      fail("flags '" + flags + "' do not fit a " + op_name(a.op));
    a.name = cols[4];
    a.cached = flags != "uncached";
    a.skipped = flags == "skipped";
    a.value = cols[6] == "-" ? "" : cols[6];
    a.site = cols[7] == "-" ? "" : cols[7];
    out.push_back(std::move(a));
  }
  if (number == 0) fail("empty file");
  return out;
}

} // namespace sim::app
