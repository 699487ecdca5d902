// SPDX-License-Identifier: Apache-2.0
#pragma once
// What ipcsim reads from a device tree (the Linux DT of the master, or the Zephyr board DT with
// its overlay): reserved-memory regions, memory nodes, the remoteproc node, the mailboxes and
// /chosen. A .dts is compiled with Debian's `dtc`; a .dtb is read as it is; both are walked with
// libfdt. Only facts are extracted here; validate.h judges them.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sim::artefacts {

/// An input that cannot be read at all (missing, not a device tree, dtc's syntax error): the CLI
/// prints what() and exits 2.
class ArtefactError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct DtRegion {
  std::string path; ///< "/reserved-memory/vdev0vring0@200c8000"
  std::string name; ///< the node name without unit address: "vdev0vring0"
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  bool no_map = false;
  std::uint32_t phandle = 0;
  std::vector<std::string> compatible;
  std::string zephyr_name; ///< `zephyr,memory-region` ("VRING0"), Zephyr DTs only
  std::uint64_t end() const { return base + size; }
};

struct DtMailbox {
  std::string path;
  std::uint32_t phandle = 0;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  std::vector<std::uint32_t> interrupts; ///< the SPI numbers, in order (GIC triplets' second cell)
};

struct DtRproc {
  std::string path;
  std::string compatible;
  /// `memory-region` phandles resolved to their regions' paths ("" for a dangling phandle).
  std::vector<std::string> memory_regions;
  std::vector<std::uint32_t> memory_region_phandles;
  std::optional<std::uint64_t> rsc_offset; ///< tcc,rsc-offset
  std::optional<std::uint64_t> rsc_size;   ///< tcc,rsc-size
  std::string mbox_path;                   ///< the mailbox `mboxes` points at ("" when dangling)
  std::optional<std::uint32_t> mbox_channel;
};

struct DeviceTree {
  std::string file;
  /// Children of /reserved-memory, and nodes with `zephyr,memory-region` anywhere.
  std::vector<DtRegion> reserved;
  std::vector<DtRegion> memory;     ///< nodes with device_type = "memory"
  std::vector<DtMailbox> mailboxes; ///< nodes with #mbox-cells or a "mailbox" node name
  std::optional<DtRproc> rproc;     ///< a node with `memory-region` and `mboxes` (the rproc)
  std::map<std::string, std::string> chosen; ///< /chosen string properties (paths)

  /// A Zephyr board DT: /chosen names zephyr,ipc_shm or a region has zephyr,memory-region.
  bool is_zephyr() const;
  const DtRegion* region_at_path(const std::string& path) const;
};

/// Reads a .dts (through dtc) or a .dtb. Throws ArtefactError when it cannot.
DeviceTree load_device_tree(const std::string& file);
/// The same from DTB bytes already in memory (`file` names them in messages).
DeviceTree parse_dtb(const std::vector<std::uint8_t>& blob, const std::string& file);

} // namespace sim::artefacts
