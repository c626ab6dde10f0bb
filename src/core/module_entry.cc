#include "core/module_entry.h"

#include <dlfcn.h>

namespace clsdb {

ModuleEntry OpenModuleEntry(const char* path, int flags, const char* entry, const char* what) {
  ModuleEntry m;
  void* handle = dlopen(path, flags);
  if (handle == nullptr) {
    const char* why = dlerror();
    m.error = std::string("cannot load the ") + what + " module: " + (why ? why : path);
    return m;
  }
  m.function = dlsym(handle, entry);
  if (m.function == nullptr) m.error = std::string("the ") + what + " module has no entry: " + path;
  return m;
}

}  // namespace clsdb
