// The whole public API of gongwen.
#pragma once

#include <gongwen/document.hpp>
#include <gongwen/output.hpp>
#include <gongwen/version.hpp>
