// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/device_tree.h"

#include "sim/artefacts/fdt_check.h"
#include "sim/artefacts/run_tool.h"

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern "C" {
#include <libfdt.h>
}

namespace sim::artefacts {
namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> read_bytes(const std::string& file) {
  // A device tree blob is small: refuse directories, devices and anything huge up front.
  constexpr std::uintmax_t kMaxBlob = 64ull << 20;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw ArtefactError(file + ": not a regular file");
  if (fs::file_size(file, ec) > kMaxBlob)
    throw ArtefactError(file + ": too large for a device tree");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ArtefactError(file + ": cannot read the file");
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

/// A fresh directory of this process's own under the system's temporary directory.
fs::path private_directory() {
  static unsigned serial = 0;
  std::error_code ec;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path dir = fs::temp_directory_path(ec) / ("ipcsim-dtc-" + std::to_string(::getpid()) +
                                                        "-" + std::to_string(++serial));
    if (fs::create_directory(dir, ec)) return dir;
  }
  throw ArtefactError("cannot create a temporary directory for dtc");
}

/// Runs `dtc` on a source file; its own message (file:line) when the source is wrong.
std::vector<std::uint8_t> compile_dts(const std::string& file) {
  if (!fs::exists(file)) throw ArtefactError(file + ": no such file");
  const fs::path dir = private_directory();
  const fs::path out = fs::path(dir) / "out.dtb";
  const fs::path err = fs::path(dir) / "dtc.log";
  const ToolRun dtc =
      run_tool({"dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.string(), file}, err.string());
  std::error_code ec;
  if (!dtc.started) {
    fs::remove_all(dir, ec);
    throw ArtefactError(file + ": cannot run dtc (" + dtc.start_error +
                        "); it is Debian's device-tree-compiler, which scripts/setup installs");
  }
  if (!dtc.ok()) {
    fs::remove_all(dir, ec);
    throw ArtefactError(file + ": dtc cannot compile it:\n" + dtc.errors);
  }
  std::vector<std::uint8_t> blob = read_bytes(out.string());
  fs::remove_all(dir, ec);
  return blob;
}

std::uint64_t read_cells(const fdt32_t* cells, int count) {
  std::uint64_t v = 0;
  for (int i = 0; i < count; ++i) v = (v << 32) | fdt32_to_cpu(cells[i]);
  return v;
}

class Walker {
public:
  Walker(const std::vector<std::uint8_t>& blob, std::string file)
      : fdt_(blob.data()), file_(std::move(file)) {}

  std::string path(int node) const {
    char buf[512];
    if (fdt_get_path(fdt_, node, buf, sizeof buf) != 0) return "?";
    return buf;
  }

  const void* prop(int node, const char* name, int& len) const {
    const void* p = fdt_getprop(fdt_, node, name, &len);
    if (p == nullptr) len = 0;
    return p;
  }
  bool has(int node, const char* name) const {
    int len = 0;
    return prop(node, name, len) != nullptr;
  }
  std::string string_prop(int node, const char* name) const {
    int len = 0;
    const auto* p = static_cast<const char*>(prop(node, name, len));
    if (p == nullptr || len <= 0) return "";
    return std::string(p, strnlen(p, static_cast<std::size_t>(len)));
  }
  std::vector<std::string> strings(int node, const char* name) const {
    std::vector<std::string> out;
    int len = 0;
    const auto* p = static_cast<const char*>(prop(node, name, len));
    for (int i = 0; p != nullptr && i < len;) {
      std::string s(p + i, strnlen(p + i, static_cast<std::size_t>(len - i)));
      i += static_cast<int>(s.size()) + 1;
      out.push_back(std::move(s));
    }
    return out;
  }
  std::vector<std::uint32_t> cells(int node, const char* name) const {
    int len = 0;
    const auto* p = static_cast<const fdt32_t*>(prop(node, name, len));
    std::vector<std::uint32_t> out;
    for (int i = 0; p != nullptr && i < len / 4; ++i) out.push_back(fdt32_to_cpu(p[i]));
    return out;
  }
  std::optional<std::uint64_t> number(int node, const char* name) const {
    int len = 0;
    const auto* p = static_cast<const fdt32_t*>(prop(node, name, len));
    if (p == nullptr || (len != 4 && len != 8)) return std::nullopt;
    return read_cells(p, len / 4);
  }
  /// The first (address, size) of `reg`, with the parent's cell counts.
  /// The first (address, size) of `reg`, with the parent's cell counts; false when the node has
  /// no `reg`. A `reg` that does not hold what the cells say is unreadable input.
  bool reg(int node, std::uint64_t& base, std::uint64_t& size) const {
    const int parent = fdt_parent_offset(fdt_, node);
    const int ac = parent >= 0 ? fdt_address_cells(fdt_, parent) : 2;
    const int sc = parent >= 0 ? fdt_size_cells(fdt_, parent) : 1;
    int len = 0;
    const auto* p = static_cast<const fdt32_t*>(prop(node, "reg", len));
    if (p == nullptr) return false;
    if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
      throw ArtefactError(file_ + ": " + path(node) + ": #address-cells " + std::to_string(ac) +
                          " / #size-cells " + std::to_string(sc) +
                          " of its parent are not 64-bit addresses (1 or 2 cells)");
    if (len < (ac + sc) * 4)
      throw ArtefactError(file_ + ": " + path(node) + ": reg has " + std::to_string(len) +
                          " bytes, #address-cells " + std::to_string(ac) + " + #size-cells " +
                          std::to_string(sc) + " need " + std::to_string((ac + sc) * 4));
    base = read_cells(p, ac);
    size = read_cells(p + ac, sc);
    return true;
  }
  DtRegion region(int node) const {
    DtRegion r;
    r.path = path(node);
    const char* name = fdt_get_name(fdt_, node, nullptr);
    r.name = name != nullptr ? name : "";
    r.name = r.name.substr(0, r.name.find('@'));
    reg(node, r.base, r.size);
    r.no_map = has(node, "no-map");
    r.phandle = fdt_get_phandle(fdt_, node);
    r.compatible = strings(node, "compatible");
    r.zephyr_name = string_prop(node, "zephyr,memory-region");
    return r;
  }
  std::string path_of_phandle(std::uint32_t phandle) const {
    const int node = fdt_node_offset_by_phandle(fdt_, phandle);
    return node >= 0 ? path(node) : "";
  }
  const void* fdt() const { return fdt_; }

private:
  const void* fdt_;
  std::string file_;
};

} // namespace

bool DeviceTree::is_zephyr() const {
  if (chosen.count("zephyr,ipc_shm") != 0 || chosen.count("zephyr,ipc") != 0) return true;
  for (const DtRegion& r : reserved)
    if (!r.zephyr_name.empty()) return true;
  return false;
}

const DtRegion* DeviceTree::region_at_path(const std::string& path) const {
  for (const DtRegion& r : reserved)
    if (r.path == path) return &r;
  for (const DtRegion& r : memory)
    if (r.path == path) return &r;
  return nullptr;
}

DeviceTree parse_dtb(const std::vector<std::uint8_t>& blob, const std::string& file) {
  if (blob.size() < sizeof(fdt_header) || fdt_check_header(blob.data()) != 0 ||
      fdt_totalsize(blob.data()) > blob.size())
    throw ArtefactError(file + ": not a device tree blob (give a .dts source or a .dtb)");
  // The header only says where the blocks are; libfdt's walkers trust what is inside them (fuzzed
  // blobs crashed fdt_get_path and fdt_check_full): the whole structure is checked first.
  if (const std::string error = fdt_structure_error(blob); !error.empty())
    throw ArtefactError(file + ": a corrupt device tree blob: " + error);
  Walker w(blob, file);
  DeviceTree dt;
  dt.file = file;
  const void* fdt = w.fdt();
  const int reserved = fdt_path_offset(fdt, "/reserved-memory");
  int depth = 0;
  for (int node = fdt_next_node(fdt, -1, &depth); node >= 0;
       node = fdt_next_node(fdt, node, &depth)) {
    const int parent = fdt_parent_offset(fdt, node);
    // Reserved-memory regions; Zephyr's named regions wherever they are (some boards put them
    // under /soc).
    if ((reserved >= 0 && parent == reserved) || w.has(node, "zephyr,memory-region"))
      dt.reserved.push_back(w.region(node));
    if (w.string_prop(node, "device_type") == "memory") dt.memory.push_back(w.region(node));
    if (w.has(node, "#mbox-cells")) {
      DtMailbox m;
      m.path = w.path(node);
      m.phandle = fdt_get_phandle(fdt, node);
      w.reg(node, m.base, m.size);
      const std::vector<std::uint32_t> irq = w.cells(node, "interrupts");
      for (std::size_t i = 1; i < irq.size(); i += 3) m.interrupts.push_back(irq[i]);
      dt.mailboxes.push_back(std::move(m));
    }
    if (!dt.rproc && w.has(node, "memory-region") && w.has(node, "mboxes")) {
      DtRproc r;
      r.path = w.path(node);
      const std::vector<std::string> compat = w.strings(node, "compatible");
      if (!compat.empty()) r.compatible = compat.front();
      r.memory_region_phandles = w.cells(node, "memory-region");
      for (std::uint32_t ph : r.memory_region_phandles)
        r.memory_regions.push_back(w.path_of_phandle(ph));
      r.rsc_offset = w.number(node, "tcc,rsc-offset");
      r.rsc_size = w.number(node, "tcc,rsc-size");
      const std::vector<std::uint32_t> mboxes = w.cells(node, "mboxes");
      if (!mboxes.empty()) r.mbox_path = w.path_of_phandle(mboxes[0]);
      if (mboxes.size() > 1) r.mbox_channel = mboxes[1];
      dt.rproc = std::move(r);
    }
  }
  const int chosen = fdt_path_offset(fdt, "/chosen");
  if (chosen >= 0) {
    int offset = 0;
    fdt_for_each_property_offset(offset, fdt, chosen) {
      const char* name = nullptr;
      int len = 0;
      const auto* value = static_cast<const char*>(fdt_getprop_by_offset(fdt, offset, &name, &len));
      if (value == nullptr || name == nullptr || len <= 0) continue;
      dt.chosen[name] = std::string(value, strnlen(value, static_cast<std::size_t>(len)));
    }
  }
  return dt;
}

DeviceTree load_device_tree(const std::string& file) {
  const std::string ext = fs::path(file).extension().string();
  if (ext == ".dtsi" || ext == ".overlay")
    throw ArtefactError(file + ": a " + ext +
                        " is a fragment, not a whole device tree: give the "
                        "merged tree (Zephyr's build/zephyr/zephyr.dts, the kernel's "
                        "compiled .dtb) or a .dts that includes it");
  if (ext == ".dts") return parse_dtb(compile_dts(file), file);
  return parse_dtb(read_bytes(file), file);
}

} // namespace sim::artefacts
