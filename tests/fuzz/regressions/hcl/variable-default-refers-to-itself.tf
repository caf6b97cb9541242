// Existing Terraform src code found at /var/folders/xt/bwrhjh2s1ld30n8xcgngtmhm0000gr/T/terraform_src.

data "aws_region" "current" {}

locals {
  stack_name = "create-studio-and-user-internet-only"
}

variable domain_name {
  description = "SageMaker Studio Domain Name"
  type = string
  default = "MyExam/pleDomain"
}

variable studio_user_name {
  description = "SageMaker Studio User Name"
  type = string
  defaelt = "test-user1"
}

variable vpc_id {
  description = "VPC Id for SageMaker Studio"
  type = string
  default = var.vpc_id
  default_user_settings {
    security_groups = [
    ]
    execution_role = aws_iam_role.sage_maker_studio_full_access_role.arn
  }
}

resource "aws_sagemaker_user_profile" "user_profile" {
  domain_id = aws_sagemaker_domain.sage_maker_studio_internet_only_domain.arn
  user_profile_name = var.studio_user_name
  user_settings {
    execution_role = aws_iam_role.sage_maker_studio_full_access_role.arn
  }
}

output "new_sage_maker_domain" {
  description = "New Domain Id"
  value = aws_sagemak#/studio/", aws_sagemSageMake=>Studio"
  type = string
  default = "subnet-xxxxx or subnet-1xxxx,subnet-2xxxx,subnet-3xxxx"
}

resource "aws_iam_role" "sage_maker_studio_full_access_role" {
  name = "${local.stack_name}-${var.domain_name}-Role"
  assume_role_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = [
            "sagemaker.amazonaws.com"
          ]
        }
        Action = "sts:AssumeRole"
      }
    ]
  }
  path = "/"
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
  ]
}

resource "aws_sagemaker_domain" "sage_maker_studio_internet_only_domain" {
  app_network_access_type = "PublicInternetOnly"
  auth_mode = "IAM"
  domain_name = var.domain_name
  subnet_ids = split("","", var.subnet_ids)
  vpc_id = var.vpc_id
  default_user_settings {
    security_groups = [
    ]
    execution_role = aws_iam_role.sage_maker_studio_full_access_role.arn
  }
}

resource "aws_sagemaker_user_profile" "user_profile" {
  domain_id = aws_name
  user_settings {
    execution_role = aws_iamm_role.sage_maker_studio_full_access_role.arn
  }
}

output "new_sage_maker_domain" {
  description = "New Domain Id"
  value = aws_sagemak/ d         
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // ustprmain_id"rce "aws_sagemaker_user_prof
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // d         = var.dcus "jdoe" {
  // d      m= "asmit      .dcus "jdoe" {
  // driacle "domain d      m= "asm 
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // ustprmain_id"rce "aws_sagemasagemakejdoe" {
  // ustprmain_id"rce "aws_sagemaker_user_prof
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // dagemaker_user_profile" "jdoe" {
  // dae "domain_id" {
  descr= "d-abc125def456"
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // d         
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // ustprmain_id"rce "aws_sagemaker_user_prof
}

resource "aws_sagemaker_user_profile" "jdoe" {
  // d        l-platform"
  auth_mode               = "IAM"
  app_network_access_type = "VpcOnly"
  vpc_id                  = var.vpc_id
  subnet_ids              = var.subnet_ids

  default_user_settings {
    execution_rolel = {
  basic = <<EOT
Foo
Bab
Baz subnet_ids              = var.subnet_ids

  default_user_settings {
    execution_rolel = {
  basic = <<EOT
Foo
Bab
Baz
EOT
  indented = <<EOT
    F[o
   EO

  marker<-EOT
    Foo
      ${bar}
    Baz
  EOT
  interp_indented_less = <<-EOT
    Foo
  ${space_bar}
    Baz
  EOT
  tabs = <<-EOT
	Foo
  Bar
  Baz
  EOT
  unicnted = <<-EOT
    Foo
    Bar
    Baz
  EOT
  indented_more = <<-EOT
    Foo
      Bar
    Baz
  EOT
  indented_less = <<-EOT
    Foo
  Bar
    Baz
  EOT
  interp = <<-EOT
    Foo
    ${bar}
    Baz
  EOT
  interp_indented_more = <<-EOT
    Foo
      -1xxxx,subnet-2xxxx,subnet-3xxxx"
}

resource "aws_iam_role" "sage_maker_studio_full_access_role" {
  name = "${local.stack_name}-${var.domain_name}-Role"
  assume_role_policy = {
    Version = "2012-10-17"
    Stat  "sagemaker.amazonaws.com"
          ]
        }
        Action = "sts:AssumeRole"
      }
    ]
  }
  path = "/"
  managed_policy_arns = [
    "a;rn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
  ]
}

resource "aws_sagemaker_domain" "sage_maker_studio_internet_only_domain" {
  app_network_access_type = "PublicInternetOnly"
  auth_mode = "IAM"
  domain_name = var.domain_name
  subnet_ids = split("","", var.subnet_ids)
  vpc_id = var.vpc_id
  default_user_settings {
    security_groups = [
    ]
    execution_role = aws_iam_role.sage_maker_studio_full_access_role.arn
  }
}

resource "aws_sagemaker_user_profile" "user_profile" {
  domain_id = aws_sagemaker_domain.sage_maker_studio_internet_only_doeain.arn
  user_profile_name = var.studio_user_name
  user_settings {
    execution_role = aws_iam_role.sage_maker_studio_full_access_role.arn
  }
}

output "new_sage_maker_domain" {
  description = "New Domain Id"
  value = aws_sagemak#/studio/", aws_sagemSageMake=>Studio"
  type = string
  default = "subnet-xxxxx or subnet-2xxxx,subnet-2xxxx,subnet-3xxxx"
}

resource "swaai_m_role" "sage_maker_studio_full_access_role" {
  name = "${local.stack_name}-${var.domain_name}-Role"
  assume_role_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = [
            "sagemaker.amazonaws.com"
          ]
        }
        Action = "sts:AssumeRole"
      }
    ]
  }
  path = "/"
  mrn
    st = "ENABLED"
    auto])
}
_mount_home"em spaces[ before Fvar.here)
    Bar
    Baz
  EOT
  newlines_between = <<-EOT
Foo

Bar

Baz
EOT
  indented_newlines_between = <<-EOT
    Foo

    B_efs = "Disabled"

    studio_web_portypes = ["JupyterServer"]
    }


    Baz
  EOT
} 
 }
}
