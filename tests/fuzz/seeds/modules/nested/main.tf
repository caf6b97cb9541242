variable "name" {
  type = string
}

resource "awscc_sagemaker_domain" "nested" {
  domain_name = "${var.name}-nested"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0123456789abcdef0"
  subnet_ids  = ["subnet-0123456789abcdef0"]
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/ml"
    studio_web_portal_settings = {
      hidden_ml_tools = ["DataWrangler", "Emr"]
    }
  }
}
