// One declaration per rule file; catalog.cpp lists them in id order.
#pragma once

#include "sagelint/rule.hpp"

namespace sagelint::rules {

extern const Rule kInvalidInput;              // SMD000
extern const Rule kSsoProfileBinding;         // SMD001
extern const Rule kSsoUserSingleProfile;      // SMD002
extern const Rule kProfileNameNotGeneric;     // SMD003
extern const Rule kIamProfileIdentityTag;     // SMD004
extern const Rule kDomainAuthSso;             // SMD005
extern const Rule kSsoOnlyFeatures;           // SMD006
extern const Rule kDefaultLandingStudio;      // SMD007
extern const Rule kStudioWebPortalEnabled;    // SMD008
extern const Rule kHideStudioClassic;         // SMD009
extern const Rule kEfsAutomountOnlyWhenNeeded;  // SMD010
extern const Rule kAutomountValueValid;       // SMD011
extern const Rule kRStudioLicenseAndVisibility;  // SMD012
extern const Rule kRStudioAdminNotDefault;    // SMD013
extern const Rule kNoQuickSetupInProduction;  // SMD014
extern const Rule kVpcOnlyNetwork;            // SMD015
extern const Rule kVpcOnlySecurityGroups;     // SMD016
extern const Rule kDockerAndRemoteAccessJustified;  // SMD017
extern const Rule kDomainCmkEncryption;       // SMD018
extern const Rule kNotebookSharingS3Kms;      // SMD019
extern const Rule kExecutionRoleExplicit;     // SMD020
extern const Rule kSharedRoleSourceIdentity;  // SMD021
extern const Rule kHiddenValuesValid;         // SMD022
extern const Rule kHideUnusedTools;           // SMD023
extern const Rule kUserOverrideKeepsDomainHiding;  // SMD024
extern const Rule kHiddenButStillEnabled;     // SMD025
extern const Rule kInstanceTypeGuardrail;     // SMD026
extern const Rule kIdleShutdownEnabled;       // SMD027
extern const Rule kIdleSettingsCoherent;      // SMD028
extern const Rule kSharedSpaceIdleShutdown;   // SMD029
extern const Rule kSpaceStorageBounded;       // SMD030
extern const Rule kSpaceOwnershipDeclared;    // SMD031
extern const Rule kSharedSpaceGoverned;       // SMD032
extern const Rule kNamesValid;                // SMD033
extern const Rule kTagsValidAndRequired;      // SMD034
extern const Rule kJustificationExpired;      // SMD035
extern const Rule kJustificationUnknownRule;  // SMD036
extern const Rule kJustificationUnused;       // SMD037
extern const Rule kJustificationIncomplete;   // SMD038

}  // namespace sagelint::rules
