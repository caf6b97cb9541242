# Expressions the module evaluator resolves (and a few it leaves unknown), for the fuzzers.
variable "settings" {
  type = object({ landing = string, hidden = list(string) })
  default = {
    landing = "studio::"
    hidden  = ["JupyterServer", "KernelGateway"]
    nested  = { role = "arn:aws:iam::111122223333:role/ml", "quoted key" = 1 }
  }
}

variable "environment" {
  default = "prod"
}

variable "groups" {
  default = ["sg-0123456789abcdef0", "sg-0fedcba9876543210"]
}

locals {
  prefix    = lower("ML-${var.environment}")
  upper     = upper(local.prefix)
  role      = var.settings.nested.role
  role_2    = var.settings["nested"]["role"]
  first_sg  = var.groups[0]
  last_sg   = var.groups[1 + 0]
  landing   = var.environment == "prod" ? var.settings.landing : "app:JupyterServer:"
  negated   = !true
  sum       = -1 * 2 + 3 / 4 % 5
  compare   = 1 < 2 && 3 >= 4 || 5 != 6
  joined    = join(",", concat(var.groups, ["sg-1"]))
  listed    = tolist(toset(var.groups))
  text      = tostring(42)
  directive = "%{ if var.environment == "prod" }on%{ else }off%{ endif }"
  loop      = "%{ for g in var.groups ~}${g} %{~ endfor }"
  heredoc   = <<-EOT
    ${local.prefix}-domain
      indented $${literal} %%{literal}
    EOT
  for_list  = [for g in var.groups : upper(g) if g != ""]
  for_map   = { for i, g in var.groups : g => i... }
  splat     = var.groups[*]
  self      = local.self
  escapes   = "tab\t quote\" unicode \u00e9 \U0001F600"
  number    = 1.5e3
}

resource "aws_sagemaker_domain" "main" {
  domain_name = "${local.prefix}-domain"
  auth_mode   = "SSO"
  vpc_id      = "vpc-0123456789abcdef0"
  subnet_ids  = ["subnet-0123456789abcdef0"]
  app_network_access_type = "VpcOnly"

  default_user_settings {
    execution_role  = local.role
    security_groups = [local.first_sg, local.last_sg]
    default_landing_uri = local.landing
    studio_web_portal   = "ENABLED"
    auto_mount_home_efs = "Disabled"
    studio_web_portal_settings {
      hidden_app_types = var.settings.hidden
    }
    dynamic "custom_file_system_config" {
      for_each = var.groups
      content {
        efs_file_system_config {
          file_system_id = custom_file_system_config.value
        }
      }
    }
  }

  tags = {
    Environment = var.environment
    (local.upper) = "yes"
  }
}

resource "aws_sagemaker_user_profile" "people" {
  for_each          = toset(["alice", "bob"])
  domain_id         = aws_sagemaker_domain.main.id
  user_profile_name = each.value
  single_sign_on_user_identifier = "UserName"
  single_sign_on_user_value      = each.key
  user_settings {
    execution_role = local.role_2
  }
}

resource "aws_sagemaker_space" "shared" {
  count      = 2
  domain_id  = aws_sagemaker_domain.main.id
  space_name = "shared-${count.index}"
  ownership_settings {
    owner_user_profile_name = aws_sagemaker_user_profile.people["alice"].user_profile_name
  }
  space_sharing_settings {
    sharing_type = "Shared"
  }
}

module "nested" {
  source = "./modules/nested"
  name   = local.prefix
}

output "domain" {
  value = aws_sagemaker_domain.main.id
}
