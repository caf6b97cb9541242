// Turns the paths a user names into a model: walks directories, reads and parses each file,
// recognises what it holds, and links resources across files.
#pragma once

#include <span>
#include <string>

#include "sagelint/limits.hpp"
#include "sagelint/model.hpp"

namespace sagelint {

// Directories are walked recursively for *.json files, in sorted order, skipping hidden
// directories and node_modules; files named explicitly are read whatever their extension.
// JSON that is not an export is skipped with a note: one for each file named, one for all
// those found in directories. Nothing is thrown for bad input: every problem becomes a
// diagnostic in the model. Only regular files are read: a FIFO, socket or device named is an
// error, one found in a directory is skipped with a note, as are entries that cannot be
// examined (link loops) and directories that cannot be read; links to directories are not
// followed. `limits` bounds the files read, their size and what the loaders accept; each
// limit exceeded is an error naming its flag.
Model load_inputs(std::span<const std::string> paths, const Limits& limits = {});

// How an input path is shown: relative to the working directory when it lies below it,
// otherwise as given; always with forward slashes.
std::string display_path(const std::string& path);

}  // namespace sagelint
