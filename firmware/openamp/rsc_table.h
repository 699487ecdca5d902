/* SPDX-License-Identifier: Apache-2.0 */
#ifndef IPCSIM_FW_RSC_TABLE_H
#define IPCSIM_FW_RSC_TABLE_H

#include <openamp/remoteproc.h>
#include <stddef.h>
#include <stdint.h>

#define RSC_VRING0_ADDRESS 0x200c8000u
#define RSC_VRING1_ADDRESS 0x200c9000u
#define RSC_VRING_NUM 8u
#ifndef RSC_VRING_ALIGN
#define RSC_VRING_ALIGN 16u /* the board's; 64 (a line) keeps real-bugs B6 out */
#endif
#define RSC_TABLE_ADDRESS 0x200c63b8u
#define SHM_BUFFER_ADDRESS 0x200ca000u /* vdev0buffer */
#define SHM_BUFFER_SIZE 0x4000u

/* Zephyr's table without the RAM console: one vdev, two vrings (88 bytes). */
struct fw_resource_table {
  struct resource_table hdr;
  uint32_t offset[1];
  struct fw_rsc_vdev vdev;
  struct fw_rsc_vdev_vring vring0;
  struct fw_rsc_vdev_vring vring1;
} __attribute__((packed));

void* rsc_table_get(size_t* size);

#endif
